package org.fangkong.ledger.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.ledger.outsiders.ArrivalForm;
import org.fangkong.ledger.outsiders.Arrivals;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Arrivals' self-registration on the API (for a city's own app): public, limited per address like
 * the page; {@code 202 Accepted} with what the page would say, whatever was on file before.
 */
@RestController
class ArrivalApiController {

    private final Arrivals arrivals;
    private final ArrivalDoorLimits limits;

    ArrivalApiController(Arrivals arrivals, ArrivalDoorLimits limits) {
        this.arrivals = arrivals;
        this.limits = limits;
    }

    @PostMapping("/api/v1/arrivals")
    ResponseEntity<?> register(@RequestBody ArrivalForm form, HttpServletRequest request) {
        Optional<Duration> wait = limits.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            return limits.tooMany(wait.get(), RequestContextUtils.getLocale(request));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(arrivals.register(form));
    }
}
