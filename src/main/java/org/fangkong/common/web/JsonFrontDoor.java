package org.fangkong.common.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.InvalidValueException;
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
 * A public hot path's own door: a {@code POST} with a JSON body on one path, answered before the
 * security chain and Spring MVC (the check-in, the mask reservation: public, no session, thousands
 * a second when a city scans or a round opens; docs/benchmarks.md). It answers as the API does: the
 * headers Spring Security would add, the body read as {@code T} (malformed: 400), the same
 * problem+json for the same exceptions in the caller's language. Anything else goes on to the
 * regular chain and the module's controller.
 */
public abstract class JsonFrontDoor<T> implements Filter {

    private static final Logger log = LoggerFactory.getLogger(JsonFrontDoor.class);

    private final Class<T> bodyType;
    protected final JsonMapper json;
    protected final ApiProblems problems;
    private final LocaleResolver locales;

    protected JsonFrontDoor(Class<T> bodyType, JsonMapper json, ApiProblems problems, LocaleResolver locales) {
        this.bodyType = bodyType;
        this.json = json;
        this.problems = problems;
        this.locales = locales;
    }

    /** Answers a body that was read; exceptions of the API's kinds become its problems. */
    protected abstract void answer(T body, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException;

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
        T body;
        try {
            body = json.readValue(request.getInputStream(), bodyType);
        } catch (JacksonException e) {
            problems.write(request, response, problems.simple(locale, HttpStatus.BAD_REQUEST, Problems.MALFORMED,
                    "error.malformed.title", "error.malformed.detail", null));
            return;
        }
        try {
            answer(body, request, response, locale);
        } catch (ConflictException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.CONFLICT, Problems.CONFLICT,
                    e.field(), e.messageKey(), e.args()));
        } catch (FieldException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    e.field(), e.messageKey(), e.args()));
        } catch (InvalidValueException e) {
            problems.write(request, response, problems.field(locale, HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    null, e.messageKey(), e.args()));
        } catch (NotFoundException e) {
            problems.write(request, response, problems.simple(locale, HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                    "error.notFound.title", "error.notFound.detail", null));
        } catch (RuntimeException e) {
            log.error("{} failed", request.getRequestURI(), e);
            problems.write(request, response, problems.simple(locale, HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
                    "error.internal.title", "error.internal.detail", null));
        }
    }

    /** A 201 with the value as JSON. */
    protected void created(HttpServletResponse response, Object value) throws IOException {
        response.setStatus(HttpStatus.CREATED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), value);
    }

    /** A problem answer built elsewhere (a limit's 429 with Retry-After), with its headers. */
    protected void refuse(HttpServletRequest request, HttpServletResponse response, ResponseEntity<ProblemDetail> refusal)
            throws IOException {
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        problems.write(request, response, refusal.getBody());
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
