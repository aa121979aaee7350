package org.fangkong.venue;

/** A venue was edited, closed or reopened: caches of its public code must forget it. */
public record VenueChanged(long id, String code) {
}
