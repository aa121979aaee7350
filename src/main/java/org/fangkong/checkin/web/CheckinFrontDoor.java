package org.fangkong.checkin.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.checkin.CheckinRefused;
import org.fangkong.checkin.Checkins;
import org.fangkong.checkin.Visit;
import org.fangkong.checkin.web.CheckinApiController.NewCheckin;
import org.fangkong.checkin.web.CheckinApiController.VisitView;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public check-in's own door: {@code POST /api/v1/checkins} with a JSON body is answered here,
 * before the security chain and Spring MVC. The endpoint is public, takes no session and no
 * cookie, and is the one hot path of the platform (a city's scans at rush hour); going through
 * some twenty generic filters and the MVC machinery cost more than the check-in itself
 * (docs/benchmarks.md). The answers are the controller's: the same JSON, the same problem+json in
 * the caller's language. Anything else (another content type, another method) goes on to the
 * regular chain and {@link CheckinApiController}.
 */
class CheckinFrontDoor implements Filter {

    private static final Logger log = LoggerFactory.getLogger(CheckinFrontDoor.class);

    private final Checkins checkins;
    private final JsonMapper json;
    private final ApiProblems problems;
    private final MessageSource messages;
    private final LocaleResolver locales;

    CheckinFrontDoor(Checkins checkins, JsonMapper json, ApiProblems problems, MessageSource messages,
                     LocaleResolver locales) {
        this.checkins = checkins;
        this.json = json;
        this.problems = problems;
        this.messages = messages;
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
        NewCheckin body;
        try {
            body = json.readValue(request.getInputStream(), NewCheckin.class);
        } catch (JacksonException e) {
            problems.write(request, response, problems.simple(locale, HttpStatus.BAD_REQUEST, Problems.MALFORMED,
                    "error.malformed.title", "error.malformed.detail", null));
            return;
        }
        try {
            if (body == null || body.venueCode() == null || body.venueCode().isBlank()) {
                throw new FieldException("venueCode", "validation.venueCode.required");
            }
            Visit v = checkins.checkIn(body.venueCode().strip(), body.phone(), request.getRemoteAddr());
            response.setStatus(HttpStatus.CREATED.value());
            response.setHeader("Location", "/api/v1/checkins/" + v.publicId());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), VisitView.of(v));
        } catch (CheckinRefused e) {
            ResponseEntity<ProblemDetail> refused = CheckinRefusals.problem(e, locale, messages);
            refused.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            problems.write(request, response, refused.getBody());
        } catch (FieldException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    e.field(), e.messageKey(), e.args()));
        } catch (InvalidValueException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    null, e.messageKey(), e.args()));
        } catch (RuntimeException e) {
            log.error("Check-in failed", e);
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
