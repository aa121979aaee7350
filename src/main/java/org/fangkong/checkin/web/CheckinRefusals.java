package org.fangkong.checkin.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.checkin.CheckinRefused;
import org.fangkong.common.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Refused check-ins on the API: 404 for unknown and closed venues, 429 with Retry-After for the limits. */
@RestControllerAdvice(assignableTypes = CheckinApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckinRefusals {

    private final MessageSource messages;

    CheckinRefusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CheckinRefused.class)
    ResponseEntity<ProblemDetail> refused(CheckinRefused e, HttpServletRequest request) {
        return problem(e, RequestContextUtils.getLocale(request), messages);
    }

    /** Also used by {@link CheckinFrontDoor}, which answers before Spring MVC. */
    static ResponseEntity<ProblemDetail> problem(CheckinRefused e, Locale locale, MessageSource messages) {
        String key = "checkin.refused." + e.reason();
        String detail = messages.getMessage(key, null, locale);
        return switch (e.reason()) {
            case VENUE_UNKNOWN, VENUE_CLOSED -> {
                ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "/problems/venue-unavailable", detail, detail);
                p.setProperty("field", "venueCode");
                yield Problems.response(p);
            }
            case RATE_LIMITED -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "/problems/too-many-checkins", detail, detail));
            case UNAVAILABLE -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "/problems/checkin-unavailable", detail, detail));
        };
    }
}
