package org.fangkong.checkin;

import java.time.Duration;

/**
 * A check-in the rules refuse: unknown or closed venue, too many requests from one address, or (Kafka on) the
 * brokers did not take the scan in time, so it was not recorded and the citizen scans again.
 */
public class CheckinRefused extends RuntimeException {

    public enum Reason { VENUE_UNKNOWN, VENUE_CLOSED, RATE_LIMITED, UNAVAILABLE }

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
