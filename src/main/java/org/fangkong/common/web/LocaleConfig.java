package org.fangkong.common.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese (zh_CN) by default; {@code ?lang=en} or {@code ?lang=zh_CN} switches and is remembered in
 * a cookie. Pages ignore the browser's Accept-Language (Chinese first, whatever the phone says);
 * the API honours it when no cookie is set.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver(Transport transport) {
        CookieLocaleResolver cookie = new CookieLocaleResolver("FANGKONG_LANG");
        cookie.setCookieSecure(transport.secure());
        cookie.setDefaultLocale(DEFAULT);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (ErrorAdvice.isApi(request) && request.getHeader("Accept-Language") != null
                        && !hasCookie(request)) {
                    return request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
                }
                Locale locale = cookie.resolveLocale(request);
                return locale.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                cookie.setLocale(request, response, locale);
            }
        };
    }

    private static boolean hasCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (var c : request.getCookies()) {
            if (c.getName().equals("FANGKONG_LANG")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }
}
