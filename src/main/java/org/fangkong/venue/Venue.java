package org.fangkong.venue;

import java.time.Instant;

/** A venue as staff see it. */
public record Venue(long id, String code, String name, VenueType type, String jurisdictionCode, String jurisdictionName,
                    String address, int defaultStayMinutes, Instant closedAt, boolean demo, Instant createdAt) {

    public boolean open() {
        return closedAt == null;
    }
}
