package org.fangkong.masks.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.Problems;
import org.fangkong.masks.Reservation;
import org.fangkong.masks.ReservationForm;
import org.fangkong.masks.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizens' reservation door, {@code POST /api/v1/reservations} with a JSON body, answered here
 * before the security chain and Spring MVC, as the check-in's front door and for the same reason:
 * when a round opens, thousands book in the same minute, the endpoint is public and takes no
 * session, and the generic filters and MVC machinery cost more than the reservation itself
 * (docs/benchmarks.md). The answers are {@link MaskApiController}'s: the same JSON, the same
 * problem+json in the caller's language, the same per-address limit. Anything else goes on.
 */
class ReservationFrontDoor implements Filter {

    private static final Logger log = LoggerFactory.getLogger(ReservationFrontDoor.class);

    private final Reservations reservations;
    private final PublicDoorLimits limits;
    private final JsonMapper json;
    private final ApiProblems problems;
    private final LocaleResolver locales;

    ReservationFrontDoor(Reservations reservations, PublicDoorLimits limits, JsonMapper json, ApiProblems problems,
                         LocaleResolver locales) {
        this.reservations = reservations;
        this.limits = limits;
        this.json = json;
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!"POST".equals(request.getMethod()) || !isJson(request.getContentType())) {
            chain.doFilter(req, res);
            return;
        }
        // what Spring Security's header writer adds to every API answer
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Locale locale = locales.resolveLocale(request);
        Optional<Duration> wait = limits.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            ResponseEntity<ProblemDetail> tooMany = limits.tooMany(wait.get(), locale);
            tooMany.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            problems.write(request, response, tooMany.getBody());
            return;
        }
        ReservationForm form;
        try {
            form = json.readValue(request.getInputStream(), ReservationForm.class);
        } catch (JacksonException e) {
            problems.write(request, response, problems.simple(locale, HttpStatus.BAD_REQUEST, Problems.MALFORMED,
                    "error.malformed.title", "error.malformed.detail", null));
            return;
        }
        try {
            if (form == null) {
                throw new FieldException("roundId", "validation.masks.point");
            }
            Reservation r = reservations.reserve(form);
            response.setStatus(HttpStatus.CREATED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), r);
        } catch (ConflictException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.CONFLICT, Problems.CONFLICT,
                    e.field(), e.messageKey(), e.args()));
        } catch (FieldException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    e.field(), e.messageKey(), e.args()));
        } catch (NotFoundException e) {
            problems.write(request, response, problems.simple(locale, HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                    "error.notFound.title", "error.notFound.detail", null));
        } catch (RuntimeException e) {
            log.error("Reservation failed", e);
            problems.write(request, response, problems.simple(locale, HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
                    "error.internal.title", "error.internal.detail", null));
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
