package org.fangkong.account.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.fangkong.account.Logins;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A disabled or locked account loses its open sessions at the next request, not at the next login.
 * One primary-key lookup per page request.
 */
class ActiveSessionFilter extends OncePerRequestFilter {

    /** Session attribute: when the staff member signed in (set by the login form's success handler). */
    static final String SIGNED_IN_AT = "fangkong.signedInAt";

    private final Logins logins;

    ActiveSessionFilter(Logins logins) {
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var actor = Actors.current();
        if (actor.isPresent() && !isStatic(request)) {
            HttpSession existing = request.getSession(false);
            Object at = existing == null ? null : existing.getAttribute(SIGNED_IN_AT);
            // a session from before a password reset or a disable ends here
            var current = logins.active(actor.get().userId(), at instanceof Instant i ? i : Instant.EPOCH);
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?error=disabled");
                return;
            }
            if (!current.get().equals(actor.get())) {
                // role, scope or name changed: act with the account as it is now
                Actor fresh = current.get();
                SecurityContextHolder.getContext().setAuthentication(BearerTokenFilter.authentication(fresh));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(HttpServletRequest request) {
        String p = request.getRequestURI();
        return p.startsWith("/css/") || p.startsWith("/webjars/") || p.startsWith("/js/");
    }
}
