package org.fangkong.account.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** 401 and 403 on the API door as problem+json, in the caller's language (Accept-Language). */
@Component
class ApiErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;

    // security errors happen before the DispatcherServlet: ask the same resolver it uses
    ApiErrors(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(request, response, 401, Problems.UNAUTHORIZED, "error.unauthorized.title", "error.unauthorized.detail");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, 403, Problems.FORBIDDEN, "error.forbidden.title", "error.forbidden.detail");
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String titleKey,
               String detailKey) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage(titleKey, null, locale);
        String detail = messages.getMessage(detailKey, null, locale);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
