package org.fangkong.common.web;

import java.util.Set;

import org.fangkong.common.security.Role;

/**
 * An entry of the main navigation, contributed as a bean by the module that owns the page. The
 * shell shows the entries the viewer's role may use, ordered by {@code order}.
 *
 * @param key   message key of the label; {@code key + ".hint"} describes it on the home page
 * @param href  where it leads
 * @param roles who sees it; empty means every staff role
 */
public record NavItem(String key, String href, int order, Set<Role> roles) {

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
