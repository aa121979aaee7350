package org.fangkong.common.web;

import org.fangkong.common.security.Role;

/**
 * One of a role's most used tasks, shown in the phone's bottom bar (常用), contributed as a bean by
 * the module that owns the page. The shell shows a role's first three by {@code rank}, and only
 * those whose page the role's navigation offers, so the bar never leads to a page the role may not open.
 *
 * @param key  message key of the short label (two to four characters on a phone)
 * @param href where it leads: a page of the navigation or below it
 */
public record QuickTask(Role role, int rank, String key, String href) {
}
