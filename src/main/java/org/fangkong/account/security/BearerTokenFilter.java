package org.fangkong.account.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.account.ApiTokens;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>} on the API door; an unknown or expired token is a 401. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ApiErrors errors;

    BearerTokenFilter(ApiTokens tokens, ApiErrors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var actor = tokens.resolve(header.substring(7).strip());
            if (actor.isEmpty()) {
                errors.write(request, response, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "error.token.title", "error.token.detail");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(authentication(actor.get()));
        }
        chain.doFilter(request, response);
    }

    static UsernamePasswordAuthenticationToken authentication(Actor actor) {
        return UsernamePasswordAuthenticationToken.authenticated(actor, null,
                List.of(new SimpleGrantedAuthority(actor.role().authority())));
    }
}
