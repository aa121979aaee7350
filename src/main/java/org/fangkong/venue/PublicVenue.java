package org.fangkong.venue;

/** What the public check-in path knows of a venue, found by its public code. */
public record PublicVenue(long id, String code, String name, int defaultStayMinutes, boolean open, String jurisdictionPath) {
}
