package org.fangkong.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.fangkong.common.FangkongProperties;
import org.fangkong.common.Like;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff account management. Admins manage everyone in their subtree; officers manage the field
 * roles in their subtree and officers strictly below their own node. A user outside the caller's
 * subtree is not found (404) before any role check (403), so scopes never leak. Every read is scoped
 * in SQL: {@code j.path <@ :scope}.
 */
@Service
public class Users {

    private static final Set<Role> OFFICER_MAY_CREATE =
            Set.of(Role.OFFICER, Role.GRID_WORKER, Role.VENUE_STAFF, Role.ENTERPRISE, Role.PICKUP_POINT);

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.role, u.scope_code, j.name as scope_name,
                   u.enabled, u.locked_until, u.created_at
            from staff_user u join jurisdiction j on j.code = u.scope_code
            """;

    private static final RowMapper<StaffUser> MAPPER = Users::map;

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final FangkongProperties.Security settings;
    private final ApiTokens tokens;

    Users(JdbcClient jdbc, Jurisdictions jurisdictions, PasswordEncoder encoder, AuditTrail audit,
                FangkongProperties properties, ApiTokens tokens) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.encoder = encoder;
        this.audit = audit;
        this.settings = properties.security();
    }

    @Transactional(readOnly = true)
    public StaffUser find(long id, Actor actor) {
        return row(id, actor.scopePath()).orElseThrow(() -> new NotFoundException("user"));
    }

    @Transactional(readOnly = true)
    public PageResult<StaffUser> list(Actor actor, String q, Role role, String sort, int page, int size) {
        requireManager(actor);
        return page(actor.scopePath(), q, role, sort, page, size);
    }

    @Transactional
    public StaffUser create(NewStaffUser u, Actor actor) {
        requireManager(actor);
        Jurisdiction scope = jurisdictions.find(u.scope(), actor.scopePath())
                .orElseThrow(() -> new FieldException("scope", "validation.scope.outside"));
        requireMayManage(actor, u.role(), scope);
        checkPassword(u.password());
        if (usernameTaken(u.username())) {
            throw new ConflictException("username", "validation.username.taken");
        }
        long id = insert(u, encoder.encode(u.password()), actor.username());
        audit.record(AuditActions.USER_CREATED, "user:" + u.username(), u.role() + "@" + u.scope());
        return find(id, actor);
    }

    @Transactional
    public StaffUser setEnabled(long id, boolean enabled, Actor actor) {
        StaffUser target = manageable(id, actor);
        if (target.id() == actor.userId()) {
            throw new FieldException("id", "validation.user.self");
        }
        writeEnabled(id, enabled);
        if (!enabled) {
            tokens.revokeAll(id); // and open sessions end at their next request (credentials_changed_at)
        }
        audit.record(enabled ? AuditActions.USER_ENABLED : AuditActions.USER_DISABLED, "user:" + target.username(), null);
        return find(id, actor);
    }

    @Transactional
    public StaffUser resetPassword(long id, String password, Actor actor) {
        StaffUser target = manageable(id, actor);
        checkPassword(password);
        writePassword(id, encoder.encode(password));
        tokens.revokeAll(id); // a reset ends every token and session of the account
        audit.record(AuditActions.USER_PASSWORD_RESET, "user:" + target.username(), null);
        return find(id, actor);
    }

    /**
     * Ends every session and token of an account now (a lost or stolen phone): the next page or sync
     * from it is refused and asks to sign in again; the account stays enabled with its password.
     */
    @Transactional
    public StaffUser endSessions(long id, Actor actor) {
        StaffUser target = manageable(id, actor);
        if (target.id() == actor.userId()) {
            throw new FieldException("id", "validation.user.self");
        }
        jdbc.sql("update staff_user set credentials_changed_at = now(), updated_at = now() where id = :id").param("id", id).update();
        tokens.revokeAll(id);
        audit.record(AuditActions.USER_SESSIONS_ENDED, "user:" + target.username(), null);
        return find(id, actor);
    }

    /** Whether the actor may manage accounts at all (for showing the menu). */
    public static boolean isManager(Actor actor) {
        return actor.role().managesUsers();
    }

    /** Whether the actor may change this particular account (for showing its buttons). */
    public boolean mayManage(Actor actor, StaffUser target) {
        if (!isManager(actor) || target.id() == actor.userId()) {
            return false;
        }
        return jurisdictions.find(target.scopeCode(), actor.scopePath())
                .map(scope -> allowed(actor, target.role(), scope)).orElse(false);
    }

    private StaffUser manageable(long id, Actor actor) {
        StaffUser target = find(id, actor);
        requireManager(actor);
        Jurisdiction scope = jurisdictions.require(target.scopeCode(), actor.scopePath());
        requireMayManage(actor, target.role(), scope);
        return target;
    }

    private static void requireManager(Actor actor) {
        if (!isManager(actor)) {
            throw new AccessDeniedException("not a user manager");
        }
    }

    private static void requireMayManage(Actor actor, Role role, Jurisdiction scope) {
        if (!allowed(actor, role, scope)) {
            throw new AccessDeniedException("may not manage this account");
        }
    }

    private static boolean allowed(Actor actor, Role role, Jurisdiction scope) {
        if (actor.is(Role.ADMIN)) {
            return true;
        }
        if (!actor.is(Role.OFFICER) || !OFFICER_MAY_CREATE.contains(role)) {
            return false;
        }
        // officers manage officers only below their own node, never beside it
        return role != Role.OFFICER || !scope.code().equals(actor.scopeCode());
    }

    void checkPassword(String password) {
        if (password == null || password.length() < settings.minPasswordLength()) {
            throw new FieldException("password", "validation.password.tooShort", settings.minPasswordLength());
        }
        if (password.length() > 128) {
            throw new FieldException("password", "validation.password.tooLong", 128);
        }
    }

    // SQL for staff users

    private Optional<StaffUser> row(long id, String scopePath) {
        return jdbc.sql(SELECT + " where u.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", scopePath).query(MAPPER).optional();
    }

    private boolean usernameTaken(String username) {
        return jdbc.sql("select exists(select 1 from staff_user where lower(username) = lower(:u))")
                .param("u", username).query(Boolean.class).single();
    }

    private long insert(NewStaffUser u, String passwordHash, String createdBy) {
        return jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash, role, scope_code, created_by)
                        values (:username, :displayName, :hash, :role, :scope, :by) returning id
                        """)
                .param("username", u.username()).param("displayName", u.displayName().strip())
                .param("hash", passwordHash).param("role", u.role().name()).param("scope", u.scope())
                .param("by", createdBy).query(Long.class).single();
    }

    private void writeEnabled(long id, boolean enabled) {
        jdbc.sql("""
                        update staff_user set enabled = :enabled, failed_logins = 0, locked_until = null, updated_at = now(),
                                              credentials_changed_at = case when :enabled then credentials_changed_at else now() end
                        where id = :id
                        """)
                .param("id", id).param("enabled", enabled).update();
    }

    private void writePassword(long id, String hash) {
        jdbc.sql("""
                        update staff_user set password_hash = :hash, failed_logins = 0, locked_until = null, updated_at = now(),
                                              credentials_changed_at = now()
                        where id = :id
                        """)
                .param("id", id).param("hash", hash).update();
    }

    private PageResult<StaffUser> page(String scopePath, String q, Role role, String sort, int page, int size) {
        String where = """
                 where j.path <@ cast(:scope as ltree)
                   and (cast(:q as text) is null or u.username ilike :q or u.display_name ilike :q)
                   and (cast(:role as text) is null or u.role = :role)
                """;
        String pattern = Like.contains(q);
        String roleName = role == null ? null : role.name();
        return PageResult.query(jdbc.sql(SELECT.replaceFirst("select ", "select count(*) over () as total_rows, ") + where
                        + " order by " + orderBy(sort) + " limit :size offset :offset")
                .param("scope", scopePath).param("q", pattern).param("role", roleName), MAPPER, page, size);
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
