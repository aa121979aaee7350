package org.fangkong.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.fangkong.common.FangkongProperties;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password, for the login form and the token endpoint alike. After
 * {@code max-failed-logins} (5) failures in a row the account is locked for {@code lockout} (15 min);
 * while locked even the right password is refused, with the same answer as a wrong password (so
 * the answer never tells which usernames exist). An address with {@code max-failed-logins-per-address}
 * (20) failures in 15 minutes is refused whatever it tries. Every attempt is audited.
 */
@Service
public class Logins {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final FangkongProperties.Security settings;
    /** Compared against when the user does not exist, so timing does not tell which usernames exist. */
    private final String dummyHash;

    Logins(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Clock clock, FangkongProperties properties) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.security();
        this.dummyHash = encoder.encode("fangkong-dummy-password");
    }

    /** Maps {@code id, username, display_name, role, scope_code, path} to the acting staff member. */
    static final RowMapper<Actor> ACTOR = (rs, i) -> new Actor(rs.getLong(1), rs.getString(2),
            rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6));

    private record Row(long id, String username, String displayName, Role role, String scopeCode, String scopePath,
                       String hash, boolean enabled, int failed, Instant lockedUntil) {
    }

    @Transactional
    public LoginResult authenticate(String username, String password, String address) {
        if (throttled(address)) {
            return new LoginResult.Throttled(settings.lockout());
        }
        String name = username == null ? "" : username.strip();
        Optional<Row> found = jdbc.sql("""
                        select u.id, u.username, u.display_name, u.role, u.scope_code, j.path::text as path,
                               u.password_hash, u.enabled, u.failed_logins, u.locked_until
                        from staff_user u join jurisdiction j on j.code = u.scope_code
                        where lower(u.username) = lower(:u) for update of u
                        """)
                .param("u", name)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getInt(9),
                        Users.instant(rs.getTimestamp(10))))
                .optional();
        Instant now = clock.instant();
        if (found.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash);
            audit.recordAs(null, truncate(name), null, AuditActions.LOGIN_FAILED, "user:" + truncate(name), "unknown user", address);
            failedFrom(address);
            return new LoginResult.BadCredentials();
        }
        Row u = found.get();
        if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
            audit.recordAs(u.id(), u.username(), u.scopePath(), AuditActions.LOGIN_LOCKED, "user:" + u.username(), "locked", address);
            failedFrom(address);
            return new LoginResult.Locked(u.lockedUntil());
        }
        if (password == null || !encoder.matches(password, u.hash())) {
            int failed = u.failed() + 1;
            if (failed >= settings.maxFailedLogins()) {
                Instant until = now.plus(settings.lockout());
                jdbc.sql("update staff_user set failed_logins = 0, locked_until = :until where id = :id")
                        .param("until", Timestamp.from(until)).param("id", u.id()).update();
                audit.recordAs(u.id(), u.username(), u.scopePath(), AuditActions.LOGIN_FAILED, "user:" + u.username(), "bad password", address);
                audit.recordAs(u.id(), u.username(), u.scopePath(), AuditActions.LOGIN_LOCKED, "user:" + u.username(),
                        failed + " failed logins", address);
                failedFrom(address);
                return new LoginResult.Locked(until);
            }
            jdbc.sql("update staff_user set failed_logins = :f where id = :id").param("f", failed).param("id", u.id()).update();
            audit.recordAs(u.id(), u.username(), u.scopePath(), AuditActions.LOGIN_FAILED, "user:" + u.username(), "bad password", address);
            failedFrom(address);
            return new LoginResult.BadCredentials();
        }
        if (!u.enabled()) {
            audit.recordAs(u.id(), u.username(), u.scopePath(), AuditActions.LOGIN_FAILED, "user:" + u.username(), "disabled", address);
            return new LoginResult.Disabled();
        }
        jdbc.sql("update staff_user set failed_logins = 0, locked_until = null where id = :id").param("id", u.id()).update();
        audit.recordAs(u.id(), u.username(), u.scopePath(), AuditActions.LOGIN, "user:" + u.username(), null, address);
        return new LoginResult.Success(new Actor(u.id(), u.username(), u.displayName(), u.role(), u.scopeCode(), u.scopePath()));
    }

    /**
     * The current state of an account for a session signed in at {@code signedInAt}: empty when
     * disabled, locked, or its password was reset (or it was disabled) since that sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<Actor> active(long userId, Instant signedInAt) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.role, u.scope_code, j.path::text
                        from staff_user u join jurisdiction j on j.code = u.scope_code
                        where u.id = :id and u.enabled and (u.locked_until is null or u.locked_until <= now())
                          and u.credentials_changed_at <= :at
                        """)
                .param("id", userId).param("at", Timestamp.from(signedInAt))
                .query(ACTOR).optional();
    }

    /** Failed sign-ins per address, whatever the username: guessing across many accounts is slowed too. */
    private final Cache<String, AtomicInteger> failuresByAddress = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(15)).build();

    /** Whether {@code address} failed too often lately: its sign-ins are refused (429) for the lockout period. */
    public boolean throttled(String address) {
        AtomicInteger n = failuresByAddress.getIfPresent(address == null ? "" : address);
        return n != null && n.get() >= settings.maxFailedLoginsPerAddress();
    }

    private void failedFrom(String address) {
        failuresByAddress.get(address == null ? "" : address, a -> new AtomicInteger()).incrementAndGet();
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
