package org.fangkong.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fangkong.common.Like;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for staff users. Every read by a staff member is scoped: {@code j.path <@ :scope}. */
@Repository
class UserRepository {

    static final String SELECT = """
            select u.id, u.username, u.display_name, u.role, u.scope_code, j.name as scope_name,
                   u.enabled, u.locked_until, u.created_at
            from staff_user u join jurisdiction j on j.code = u.scope_code
            """;

    static final RowMapper<StaffUser> MAPPER = UserRepository::map;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> find(long id, String scopePath) {
        return jdbc.sql(SELECT + " where u.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", scopePath).query(MAPPER).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select exists(select 1 from staff_user where lower(username) = lower(:u))")
                .param("u", username).query(Boolean.class).single();
    }

    long insert(NewStaffUser u, String passwordHash, String createdBy) {
        return jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash, role, scope_code, created_by)
                        values (:username, :displayName, :hash, :role, :scope, :by) returning id
                        """)
                .param("username", u.username()).param("displayName", u.displayName().strip())
                .param("hash", passwordHash).param("role", u.role().name()).param("scope", u.scope())
                .param("by", createdBy).query(Long.class).single();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("""
                        update staff_user set enabled = :enabled, failed_logins = 0, locked_until = null, updated_at = now(),
                                              credentials_changed_at = case when :enabled then credentials_changed_at else now() end
                        where id = :id
                        """)
                .param("id", id).param("enabled", enabled).update();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("""
                        update staff_user set password_hash = :hash, failed_logins = 0, locked_until = null, updated_at = now(),
                                              credentials_changed_at = now()
                        where id = :id
                        """)
                .param("id", id).param("hash", hash).update();
    }

    PageResult<StaffUser> list(String scopePath, String q, Role role, String sort, int page, int size) {
        String where = """
                 where j.path <@ cast(:scope as ltree)
                   and (cast(:q as text) is null or u.username ilike :q or u.display_name ilike :q)
                   and (cast(:role as text) is null or u.role = :role)
                """;
        String pattern = Like.contains(q);
        String roleName = role == null ? null : role.name();
        long total = jdbc.sql("select count(*) from staff_user u join jurisdiction j on j.code = u.scope_code" + where)
                .param("scope", scopePath).param("q", pattern).param("role", roleName).query(Long.class).single();
        List<StaffUser> items = jdbc.sql(SELECT + where + " order by " + orderBy(sort) + " limit :size offset :offset")
                .param("scope", scopePath).param("q", pattern).param("role", roleName)
                .param("size", size).param("offset", (long) page * size).query(MAPPER).list();
        return new PageResult<>(items, page, size, total);
    }

    /** Whitelisted sort keys: user input never reaches SQL text. */
    static String orderBy(String sort) {
        return switch (sort == null ? "" : sort) {
            case "username,desc" -> "lower(u.username) desc";
            case "displayName" -> "u.display_name, u.id";
            case "displayName,desc" -> "u.display_name desc, u.id";
            case "role" -> "u.role, lower(u.username)";
            case "scope" -> "u.scope_code, lower(u.username)";
            case "createdAt" -> "u.created_at, u.id";
            case "createdAt,desc" -> "u.created_at desc, u.id";
            default -> "lower(u.username)";
        };
    }

    static StaffUser map(ResultSet rs, int i) throws SQLException {
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("scope_code"), rs.getString("scope_name"),
                rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("created_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
