package org.fangkong.masks.web;

import org.fangkong.common.web.ApiProblems;
import org.fangkong.masks.Reservations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link ReservationFrontDoor} on the exact path of the citizens' reservations, right after the request log. */
@Configuration(proxyBeanMethods = false)
class ReservationFrontDoorConfig {

    @Bean
    FilterRegistrationBean<ReservationFrontDoor> reservationFrontDoor(Reservations reservations, PublicDoorLimits limits,
                                                                      JsonMapper json, ApiProblems problems, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new ReservationFrontDoor(reservations, limits, json, problems, locales));
        registration.addUrlPatterns("/api/v1/reservations");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
