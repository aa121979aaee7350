package org.fangkong.common.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Replaces Spring Boot's error controller (it steps back when one exists) with {@link ApiErrorController}. */
@Configuration(proxyBeanMethods = false)
class ApiErrorControllerConfig {

    @Bean
    ApiErrorController apiErrorController(ErrorAttributes attributes, WebProperties web,
                                          ObjectProvider<ErrorViewResolver> views, ApiProblems problems,
                                          LocaleResolver locales) {
        return new ApiErrorController(attributes, web, views.orderedStream().toList(), problems, locales);
    }
}
