package org.fangkong.common.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring Boot's error controller, for errors raised outside any controller (the container's 404,
 * the firewall's 400): pages go through {@link PageErrorViews} as before, and everything under
 * {@code /api/} now gets the same problem+json as the rest of the API instead of Boot's own JSON.
 */
class ApiErrorController extends BasicErrorController {

    private final ApiProblems problems;
    private final LocaleResolver locales;

    ApiErrorController(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> views, ApiProblems problems,
                       LocaleResolver locales) {
        super(attributes, web.getError(), views);
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus status = getStatus(request);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            return super.error(request);
        }
        String[] keys = ApiProblems.forStatus(status);
        ProblemDetail p = problems.simple(locales.resolveLocale(request), status, keys[0], keys[1], keys[2], null);
        Map<String, Object> body = ApiProblems.body(p, path);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
