package org.fangkong.account.web;

import java.util.Set;

import org.fangkong.common.security.Role;
import org.fangkong.common.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountNav {
    @Bean
    NavItem usersNavItem() {
        return new NavItem("nav.users", "/users", 80, Set.of(Role.ADMIN, Role.OFFICER));
    }

    @Bean
    NavItem auditNavItem() {
        return new NavItem("nav.audit", "/audit", 90, Set.of(Role.ADMIN));
    }
}
