package org.fangkong.account.security;

import java.time.Instant;

import org.fangkong.account.AuditLog;
import org.fangkong.account.Logins;
import org.fangkong.account.ApiTokens;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.web.Transport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Two doors. {@code /api/**} and {@code /actuator/**}: stateless, bearer tokens from
 * {@code POST /api/v1/tokens}, no CSRF, errors as problem+json. Everything else: form login with a
 * session and CSRF. Scope is not a URL rule: services answer 404 outside the caller's subtree.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, under {id} prefixes so stronger hashes can be introduced without a reset
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiErrors errors, Transport transport,
                            @Value("${management.server.port:-1}") int managementPort) throws Exception {
        hsts(http, transport);
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, errors), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/tokens").permitAll()
                        // the public check-in door: citizens have no accounts
                        .requestMatchers(HttpMethod.POST, "/api/v1/checkins", "/api/v1/checkins/*/checkout").permitAll()
                        // the citizens' mask reservation: no accounts either
                        .requestMatchers(HttpMethod.POST, "/api/v1/reservations", "/api/v1/lottery-entries", "/api/v1/arrivals").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Prometheus scrapes without a token on the management port only (kept on a private
                        // address, docs/operations.md); on the public port the metrics are for admins
                        .requestMatchers(r -> managementPort > 0 && r.getLocalPort() == managementPort
                                && "/actuator/prometheus".equals(r.getRequestURI())).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Logins logins, AuditLog audit,
                              @Value("${fangkong.api-docs.public:false}") boolean publicApiDocs, Transport transport)
            throws Exception {
        hsts(http, transport);
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        http.formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .failureHandler(new LoginFailureHandler())
                        .successHandler((request, response, authentication) -> {
                            // the session remembers when it began: a later password reset or disable ends it
                            request.getSession().setAttribute(ActiveSessionFilter.SIGNED_IN_AT, Instant.now());
                            toPage.onAuthenticationSuccess(request, response, authentication);
                        }).permitAll())
                .authenticationProvider(new StaffAuthenticationProvider(logins))
                // public check-in and booking pages carry no session; the remembered-phone cookie is SameSite=Lax
                .csrf(c -> c.ignoringRequestMatchers("/c/**", "/o/**", "/m/**", "/arrive", "/arrive/**"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll()
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof Actor a) {
                                audit.recordAs(a.userId(), a.username(), a.scopePath(), AuditActions.LOGOUT,
                                        "user:" + a.username(), null, request.getRemoteAddr());
                            }
                        }))
                .addFilterAfter(new ActiveSessionFilter(logins), UsernamePasswordAuthenticationFilter.class)
                // a page refused by a URL rule gets the application's 403 page (which names the roles that may)
                .exceptionHandling(e -> e.accessDeniedPage("/forbidden"))
                // style attributes only (ECharts draws its SVG and tooltips with them); no inline <style>, no inline script.
                // docs/operations.md says why this is safe enough.
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-elem 'self'; "
                                + "style-src-attr 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/icons/**", "/geo/**", "/error",
                                "/login", "/sw.js", "/manifest.webmanifest").permitAll()
                        .requestMatchers("/c/**", "/o/**", "/m/**", "/arrive", "/arrive/**", "/s").permitAll()
                        // the API's map is for staff unless the operator publishes it (fangkong.api-docs.public)
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .access((auth, ctx) -> new AuthorizationDecision(publicApiDocs || isSignedIn(auth.get())))
                        .requestMatchers("/audit/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * HSTS whenever the public URL is https, also when TLS ends at a proxy and the request reached
     * us as plain http (forwarded headers from a trusted proxy make the request secure as well).
     */
    private static void hsts(HttpSecurity http, Transport transport) throws Exception {
        if (transport.secure()) {
            http.headers(h -> h.httpStrictTransportSecurity(s -> s.requestMatcher(AnyRequestMatcher.INSTANCE)
                    .maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        }
    }

    private static boolean isSignedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof Actor;
    }
}
