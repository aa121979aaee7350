package org.fangkong.common.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The current {@link Actor}, from the security context. */
public final class Actors {

    private Actors() {
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** The current actor; fails when called outside an authenticated request. */
    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated staff member"));
    }

    /** The current actor if their role is one of {@code roles}; 403 otherwise. */
    public static Actor requireOneOf(Role... roles) {
        Actor me = require();
        for (Role r : roles) {
            if (me.is(r)) {
                return me;
            }
        }
        throw new AccessDeniedException("not for " + me.role());
    }
}
