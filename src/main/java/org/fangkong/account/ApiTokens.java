package org.fangkong.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.fangkong.common.FangkongProperties;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API: 256 random bits, only their SHA-256 stored, valid for
 * {@code token-lifetime} (8 h) and only while the account stays enabled and unlocked.
 */
@Service
public class ApiTokens {

    public record IssuedToken(String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final FangkongProperties.Security settings;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock, FangkongProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.security();
    }

    @Transactional
    public IssuedToken issue(Actor actor, String address) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(settings.tokenLifetime());
        jdbc.sql("insert into api_token (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
                .param("hash", sha256(token)).param("user", actor.userId()).param("expires", Timestamp.from(expires))
                .update();
        jdbc.sql("delete from api_token where user_id = :user and expires_at < now()").param("user", actor.userId()).update();
        audit.recordAs(actor.userId(), actor.username(), actor.scopePath(), AuditActions.TOKEN_ISSUED,
                "user:" + actor.username(), null, address);
        return new IssuedToken(token, expires);
    }

    /** The actor behind a token, if the token is known, unexpired and its account active. */
    @Transactional(readOnly = true)
    public Optional<Actor> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        // one query per API request: the token, and the account behind it still enabled and unlocked
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.role, u.scope_code, j.path::text
                        from api_token t
                        join staff_user u on u.id = t.user_id
                        join jurisdiction j on j.code = u.scope_code
                        where t.token_hash = :hash and t.expires_at > :now
                          and u.enabled and (u.locked_until is null or u.locked_until <= :now)
                        """)
                .param("hash", sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query(Logins.ACTOR).optional();
    }

    /** Revokes every token of an account (password reset, disabled). */
    @Transactional
    public int revokeAll(long userId) {
        return jdbc.sql("delete from api_token where user_id = :u").param("u", userId).update();
    }

    /** Revokes one token, the caller's own (signing out of the API); audited. */
    @Transactional
    public void revoke(String token, Actor actor, String address) {
        jdbc.sql("delete from api_token where token_hash = :h and user_id = :u").param("h", sha256(token == null ? "" : token))
                .param("u", actor.userId()).update();
        audit.recordAs(actor.userId(), actor.username(), actor.scopePath(), AuditActions.TOKEN_REVOKED,
                "user:" + actor.username(), null, address);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
