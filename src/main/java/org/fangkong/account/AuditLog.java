package org.fangkong.account;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log. Rows join the caller's transaction: an action that rolls back leaves no audit row
 * claiming it happened.
 */
@Service
public class AuditLog implements AuditTrail {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(String action, String target, String reason) {
        record(action, target, reason, null);
    }

    @Override
    @Transactional
    public void record(String action, String target, String reason, int rows) {
        record(action, target + " rows:" + rows, reason, (Integer) rows); // the count on the audit page, and as a column
    }

    private void record(String action, String target, String reason, Integer rows) {
        Optional<Actor> actor = Actors.current();
        jdbc.sql("""
                        insert into audit_entry (actor_id, actor_username, actor_scope, action, target, reason, address, row_count)
                        values (:id, :username, cast(:scope as ltree), :action, :target, :reason, :address, :rows)
                        """)
                .param("id", actor.map(Actor::userId).orElse(null)).param("username", actor.map(Actor::username).orElse(null))
                .param("scope", actor.map(Actor::scopePath).orElse(null)).param("action", action).param("target", target)
                .param("reason", reason).param("address", currentAddress()).param("rows", rows).update();
    }

    /** Records an action for a known staff member, outside a request's security context (login, logout). */
    @Transactional
    public void recordAs(Long actorId, String username, String scopePath, String action, String target, String reason, String address) {
        jdbc.sql("""
                        insert into audit_entry (actor_id, actor_username, actor_scope, action, target, reason, address)
                        values (:id, :username, cast(:scope as ltree), :action, :target, :reason, :address)
                        """)
                .param("id", actorId).param("username", username).param("scope", scopePath).param("action", action)
                .param("target", target).param("reason", reason).param("address", address)
                .update();
    }

    /** Search for the audit page; admins see the entries of actors in their subtree and failed logins of unknown users. */
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(Actor viewer, String username, String action, LocalDate from, LocalDate to,
                                         int page, int size) {
        String where = """
                 where (a.actor_scope <@ cast(:scope as ltree) or (a.actor_scope is null and cast(:root as boolean)))
                   and (cast(:username as text) is null or lower(a.actor_username) = lower(:username))
                   and (cast(:action as text) is null or a.action = :action)
                   and (cast(:from as timestamptz) is null or a.at >= :from)
                   and (cast(:to as timestamptz) is null or a.at < :to)
                """;
        boolean root = !viewer.scopePath().contains(".");
        String user = blankToNull(username);
        String act = blankToNull(action);
        Timestamp fromTs = from == null ? null : Timestamp.from(ShanghaiTime.startOf(from));
        Timestamp toTs = to == null ? null : Timestamp.from(ShanghaiTime.startOf(to.plusDays(1)));
        return PageResult.query(jdbc.sql("""
                        select a.id, a.at, a.actor_username, a.action, a.target, a.reason, a.address, count(*) over () as total_rows
                        from audit_entry a""" + where + " order by a.at desc, a.id desc limit :size offset :offset")
                .param("scope", viewer.scopePath()).param("root", root).param("username", user).param("action", act)
                .param("from", fromTs).param("to", toTs),
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), page, size);
    }

    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
