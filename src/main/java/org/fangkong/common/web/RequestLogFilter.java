package org.fangkong.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.log.LogMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One INFO line per request: method, path, status, time. Never the query string or body, which may
 * hold phone or ID numbers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("org.fangkong.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            // a personal observation link and a visit id are secrets: never in the log
            String path = LogMasking.path(request.getRequestURI());
            if (!path.startsWith("/css/") && !path.startsWith("/webjars/")) {
                log.info("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
