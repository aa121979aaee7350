package org.fangkong.common.security;

import java.util.Optional;

/**
 * Who a staff account is, for modules that bind accounts to something of their own (a pickup
 * point's counter staff, later an enterprise's): the role of an enabled account whose scope lies in
 * {@code scopePath}, or empty. Implemented by the account module; its users stay its own.
 */
public interface StaffDirectory {

    Optional<Role> roleOf(String username, String scopePath);
}
