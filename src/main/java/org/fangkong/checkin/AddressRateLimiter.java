package org.fangkong.checkin;

import java.time.Duration;
import java.util.Optional;

import org.fangkong.common.AddressRateLimits;
import org.springframework.stereotype.Component;

/**
 * The public check-in path's per-address limits: a burst of {@code fangkong.checkin.ip-burst},
 * refilled at {@code ip-per-minute} (an IPv6 address counts by its /64).
 */
@Component
class AddressRateLimiter {

    private final AddressRateLimits limits;

    AddressRateLimiter(CheckinSettings settings) {
        this.limits = new AddressRateLimits(settings.ipBurst(), settings.ipPerMinute());
    }

    static String key(String address) {
        return AddressRateLimits.key(address);
    }

    /** Takes one token; empty when allowed, else how long until the next token. */
    Optional<Duration> take(String address) {
        return limits.take(address);
    }
}
