package org.fangkong.common.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.security.Actors;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A navigation entry's page opens for exactly the roles the entry lists: the navigation never offers
 * what a role may not open, and a role that types the address of a page not meant for it gets the
 * 403 page naming the roles that may (issue 18). Pages below an entry keep their own checks in their
 * services (a pickup point's counter lies below the masks entry, a producer's page below supplies).
 */
@Configuration(proxyBeanMethods = false)
class NavigationGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final Map<String, NavItem> entries;

    NavigationGuard(List<NavItem> nav) {
        this.entries = nav.stream().collect(Collectors.toMap(NavItem::href, n -> n, (a, b) -> a));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        NavItem entry = entries.get(request.getRequestURI().substring(request.getContextPath().length()));
        if (entry != null && "GET".equals(request.getMethod())) {
            Actors.current().filter(a -> !entry.visibleTo(a.role())).ifPresent(a -> {
                throw new AccessDeniedException("not for " + a.role() + ": " + entry.href());
            });
        }
        return true;
    }
}
