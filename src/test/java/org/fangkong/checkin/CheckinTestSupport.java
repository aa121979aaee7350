package org.fangkong.checkin;

import java.util.concurrent.atomic.AtomicInteger;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.Venue;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;

/** Venues and phones for check-in tests. */
final class CheckinTestSupport {

    private static final AtomicInteger PHONES = new AtomicInteger();
    static final Actor OFFICER = new Actor(0, "test-officer", "测试", Role.ADMIN, "37", "37");

    private CheckinTestSupport() {
    }

    static Venue venue(Venues venues, String name, VenueType type) {
        return venues.create(new VenueForm(name, type, "370102001002", "测试地址", null), OFFICER);
    }

    static PublicVenue publicVenue(Venues venues, Venue v) {
        return venues.byCode(v.code()).orElseThrow();
    }

    /** A fresh valid mobile number for each call, so tests never share a phone. */
    static String phone() {
        return String.format("139%08d", 10_000_000 + PHONES.incrementAndGet() * 7 + (int) (System.nanoTime() % 7));
    }

    static String address() {
        return "10.9." + (PHONES.incrementAndGet() % 250) + "." + (System.nanoTime() % 250);
    }
}
