package org.fangkong.account.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** 401 and 403 on the API door as problem+json, in the caller's language (Accept-Language). */
@Component
class ApiErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ApiProblems problems;
    private final LocaleResolver locales;

    // security errors happen before the DispatcherServlet: ask the same resolver it uses
    ApiErrors(ApiProblems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "error.unauthorized.title", "error.unauthorized.detail");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "error.forbidden.title", "error.forbidden.detail");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String titleKey,
               String detailKey) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        problems.write(request, response, problems.simple(locales.resolveLocale(request), status, type, titleKey, detailKey, null));
    }
}
