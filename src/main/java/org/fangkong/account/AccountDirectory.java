package org.fangkong.account;

import java.util.Optional;

import org.fangkong.common.security.Role;
import org.fangkong.common.security.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The accounts as other modules may know them: an enabled account's role, within a scope. */
@Component
class AccountDirectory implements StaffDirectory {

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Role> roleOf(String username, String scopePath) {
        return jdbc.sql("""
                        select u.role from staff_user u join jurisdiction j on j.code = u.scope_code
                        where lower(u.username) = lower(:u) and u.enabled and j.path <@ cast(:scope as ltree)
                        """).param("u", username == null ? "" : username.strip()).param("scope", scopePath)
                .query(String.class).optional().map(Role::valueOf);
    }
}
