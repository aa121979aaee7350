package org.fangkong.venue;

/**
 * Kinds of venue, each with the default length of a visit when nobody checks out
 * (docs/rules.md "Venue check-in": by venue type, 60 min unless said otherwise).
 */
public enum VenueType {
    SUPERMARKET(60),
    PHARMACY(30),
    MARKET(60),
    RESTAURANT(90),
    ENTERPRISE(480),
    TRANSPORT_HUB(120),
    HOSPITAL(120),
    SCHOOL(480),
    GOVERNMENT_OFFICE(60),
    RESIDENTIAL_GATE(30),
    OTHER(60);

    private final int defaultStayMinutes;

    VenueType(int defaultStayMinutes) {
        this.defaultStayMinutes = defaultStayMinutes;
    }

    public int defaultStayMinutes() {
        return defaultStayMinutes;
    }
}
