package org.fangkong.masks.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.fangkong.common.AddressRateLimits;
import org.fangkong.common.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The citizens' mask doors (the booking page and the API) take a burst of
 * {@code fangkong.masks.ip-burst} requests per address, refilled at {@code ip-per-minute}: one
 * address cannot try ID numbers by the thousand.
 */
@Component
class PublicDoorLimits {

    private final AddressRateLimits limits;
    private final MessageSource messages;

    PublicDoorLimits(@Value("${fangkong.masks.ip-burst:30}") int burst, @Value("${fangkong.masks.ip-per-minute:60}") int perMinute,
                     MessageSource messages) {
        this.limits = new AddressRateLimits(burst, perMinute);
        this.messages = messages;
    }

    Optional<Duration> take(String address) {
        return limits.take(address);
    }

    /** The API's answer to an address over its limit: 429 with Retry-After. */
    ResponseEntity<ProblemDetail> tooMany(Duration wait, Locale locale) {
        ProblemDetail p = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.THROTTLED,
                messages.getMessage("error.throttled.title", null, locale), messages.getMessage("masks.tooMany", null, locale));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
