package org.fangkong.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.enterprise.Enterprise.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 复工 and 达产 as the enterprise (or its officer) reports them, dated, with the staff back at work;
 * and the way back to 未复工 when work stops again. 已备案 comes only from an approved filing.
 */
@Service
public class Resumptions {

    /** A reported change: the state by name, from which day (today when empty), staff back then, a note. */
    public record StateChange(String state, LocalDate day, Integer staffBack, String note) {
    }

    /** One day of an enterprise's history. */
    public record HistoryRow(LocalDate day, State state, int staffBack, int staffTotal, String changedBy, Instant changedAt,
                             String note) {
    }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final EnterpriseStates states;
    private final AuditTrail audit;
    private final Clock clock;

    Resumptions(JdbcClient jdbc, Enterprises enterprises, EnterpriseStates states, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enterprise change(long id, StateChange change, Actor actor) {
        Enterprise e = enterprises.find(id, actor); // outside the caller's scope nothing else is said
        if (!actor.is(Role.ENTERPRISE) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the enterprise or its officer reports resumption");
        }
        State target;
        try {
            target = State.valueOf((change.state() == null ? "" : change.state().strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new FieldException("state", "validation.enterprise.state");
        }
        if (target == State.FILED) {
            throw new FieldException("state", "validation.enterprise.filedByApproval");
        }
        if (target.resumed() && e.state() == State.NOT_RESUMED) {
            throw new FieldException("state", "validation.enterprise.fileFirst");
        }
        String note = Enterprises.text(change.note(), 500);
        if (target == State.NOT_RESUMED && note.isEmpty()) {
            throw new FieldException("note", "validation.enterprise.stopNote");
        }
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate day = change.day() == null ? today : change.day();
        if (day.isAfter(today)) {
            throw new FieldException("day", "validation.enterprise.futureDay");
        }
        int back = change.staffBack() == null ? e.staffBack() : change.staffBack();
        states.record(id, target, back, day, note, actor);
        audit.record(AuditActions.ENTERPRISE_STATE_CHANGED, "enterprise:" + id, target + " " + day);
        return enterprises.find(id, actor);
    }

    /** The enterprise's states, newest first. */
    @Transactional(readOnly = true)
    public List<HistoryRow> history(long id, Actor actor) {
        enterprises.find(id, actor);
        return jdbc.sql("""
                        select day, state, staff_back, staff_total, changed_by, changed_at, note from enterprise_status
                        where enterprise_id = :id order by day desc
                        """).param("id", id)
                .query((rs, n) -> new HistoryRow(rs.getObject(1, LocalDate.class), State.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }
}
