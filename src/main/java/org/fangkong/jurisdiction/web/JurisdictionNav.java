package org.fangkong.jurisdiction.web;

import java.util.Set;

import org.fangkong.common.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JurisdictionNav {
    @Bean
    NavItem jurisdictionNavItem() {
        return new NavItem("nav.jurisdictions", "/jurisdictions", 10, Set.of());
    }
}
