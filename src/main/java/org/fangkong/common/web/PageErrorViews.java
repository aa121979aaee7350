package org.fangkong.common.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors that reach Spring Boot's error page (thrown outside a controller) use the same page and
 * words as those {@link ErrorAdvice} renders: one error template for every status.
 */
@Component
class PageErrorViews implements ErrorViewResolver {

    private final MessageSource messages;

    PageErrorViews(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Locale locale = RequestContextUtils.getLocale(request);
        String[] keys = ApiProblems.forStatus(status);
        Map<String, Object> view = new HashMap<>(model);
        view.put("status", status.value());
        view.put("errorTitle", messages.getMessage(keys[1], null, locale));
        view.put("errorDetail", messages.getMessage(keys[2], null, locale));
        return new ModelAndView("error/page", view, status);
    }
}
