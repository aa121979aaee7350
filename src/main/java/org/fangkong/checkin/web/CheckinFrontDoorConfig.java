package org.fangkong.checkin.web;

import org.fangkong.checkin.Checkins;
import org.fangkong.common.web.ApiProblems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link CheckinFrontDoor} on the exact path of the public check-in, right after the request log. */
@Configuration(proxyBeanMethods = false)
class CheckinFrontDoorConfig {

    @Bean
    FilterRegistrationBean<CheckinFrontDoor> checkinFrontDoor(Checkins checkins, JsonMapper json, ApiProblems problems,
                                                              MessageSource messages, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new CheckinFrontDoor(checkins, json, problems, messages, locales));
        registration.addUrlPatterns("/api/v1/checkins");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
