package org.fangkong.common.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.fangkong.common.AddressRateLimits;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A citizens' door (booking, self-registration) with its per-address limit: a burst, refilled per
 * minute, so one address cannot try ID numbers by the thousand. Pages reject the form with
 * {@code messageKey}; the API answers {@link #tooMany}.
 */
public class PublicDoor {

    private final AddressRateLimits limits;
    private final MessageSource messages;
    private final String messageKey;

    protected PublicDoor(int burst, int perMinute, MessageSource messages, String messageKey) {
        this.limits = new AddressRateLimits(burst, perMinute);
        this.messages = messages;
        this.messageKey = messageKey;
    }

    /** Empty when the address may pass; else how long it should wait. */
    public Optional<Duration> take(String address) {
        return limits.take(address);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The API's answer to an address over its limit: 429 with Retry-After. */
    public ResponseEntity<ProblemDetail> tooMany(Duration wait, Locale locale) {
        ProblemDetail p = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.THROTTLED,
                messages.getMessage("error.throttled.title", null, locale), messages.getMessage(messageKey, null, locale));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
