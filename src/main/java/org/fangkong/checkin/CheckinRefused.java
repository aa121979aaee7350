package org.fangkong.checkin;

import java.time.Duration;

/** A check-in the rules refuse: unknown or closed venue, daily cap, too many requests. */
public class CheckinRefused extends RuntimeException {

    public enum Reason { VENUE_UNKNOWN, VENUE_CLOSED, DAILY_CAP, RATE_LIMITED }

    private final Reason reason;
    private final transient Duration retryAfter;

    CheckinRefused(Reason reason, Duration retryAfter) {
        super(reason.name());
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** For the limits: how long until trying again makes sense. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
