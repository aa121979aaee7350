package org.fangkong.common.security;

import java.io.Serializable;

/**
 * The staff member acting in a request: who, with which role, scoped to which jurisdiction
 * subtree. {@code scopePath} is the materialised path (ltree) of the scope node; every scoped query
 * filters with {@code path <@ :scopePath}.
 */
public record Actor(long userId, String username, String displayName, Role role, String scopeCode, String scopePath)
        implements Serializable {

    public boolean is(Role r) {
        return role == r;
    }
}
