package org.fangkong.common.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Form fields and query parameters with a NUL character are refused before anything reads them
 * (sign-in included, which runs before the controllers): PostgreSQL cannot store NUL, and an
 * error from the database would be a 500 instead of the user's mistake.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NoNulInput extends OncePerRequestFilter {

    private final ApiProblems problems;

    NoNulInput(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = nulField(request);
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        var p = problems.field(RequestContextUtils.getLocale(request), HttpStatus.BAD_REQUEST, Problems.VALIDATION, field,
                "error.json.type", null);
        if (ErrorAdvice.isApi(request)) {
            problems.write(request, response, p);
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    private static String nulField(HttpServletRequest request) {
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().indexOf('\u0000') >= 0) {
                return "parameter";
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    return e.getKey();
                }
            }
        }
        return null;
    }
}
