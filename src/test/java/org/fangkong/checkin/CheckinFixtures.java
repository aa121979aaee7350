package org.fangkong.checkin;

import java.time.Instant;

import org.fangkong.common.PhoneNumber;
import org.fangkong.venue.PublicVenue;
import org.springframework.stereotype.Component;

/** Lets tests in other packages place visits at chosen times, through the real recording rules. */
@Component
public class CheckinFixtures {

    private final Checkins checkins;

    CheckinFixtures(Checkins checkins) {
        this.checkins = checkins;
    }

    public Visit record(PublicVenue venue, String phone, Instant at) {
        return checkins.record(venue, PhoneNumber.parse(phone), at);
    }
}
