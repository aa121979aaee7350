package org.fangkong.account;

import java.time.Instant;

import org.fangkong.common.security.Role;

/** A staff account as shown on pages and in the API (never the password hash). */
public record StaffUser(long id, String username, String displayName, Role role, String scopeCode, String scopeName,
                        boolean enabled, Instant lockedUntil, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
