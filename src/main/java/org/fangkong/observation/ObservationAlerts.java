package org.fangkong.observation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.observation.ObservationAlert.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The township health centre's alert list for observation: open alerts first. An officer records
 * the outcome: ruled out puts the order back to plain observation (once no other alert is open);
 * sent to the fever clinic or a designated hospital ends the home observation.
 */
@Service
public class ObservationAlerts {

    private static final String SELECT = """
            select a.*, r.temperature, r.symptoms, p.name_masked, p.phone_masked, o.jurisdiction_code, o.address,
                   j.name as jurisdiction_name
            from observation_alert a
            join observation_reading r on r.id = a.reading_id
            join observation_order o on o.id = a.order_id
            join person_record p on p.id = o.record_id
            join jurisdiction j on j.code = o.jurisdiction_code
            where j.path <@ cast(:scope as ltree)
            """;
    private static final RowMapper<ObservationAlert> MAPPER = (rs, n) -> {
        OffsetDateTime handled = rs.getObject("handled_at", OffsetDateTime.class);
        String outcome = rs.getString("outcome");
        return new ObservationAlert(rs.getLong("id"), rs.getLong("order_id"), rs.getString("name_masked"),
                rs.getString("phone_masked"), rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
                rs.getString("address"), rs.getBigDecimal("temperature"),
                Arrays.stream((String[]) rs.getArray("symptoms").getArray()).map(Symptom::valueOf).toList(),
                rs.getObject("raised_at", OffsetDateTime.class).toInstant(), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("note"), handled == null ? null : handled.toInstant(), rs.getString("handled_by"));
    };

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObservationAlerts(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events,
                      Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ObservationAlert> alerts(boolean openOnly, Actor actor) {
        ObservationOrders.requireRead(actor);
        return jdbc.sql(SELECT + " and (not :open or a.handled_at is null) order by a.handled_at is not null, a.raised_at desc limit 500")
                .param("scope", actor.scopePath()).param("open", openOnly).query(MAPPER).list();
    }

    /** Records what became of an alert; audited. */
    @Transactional
    public ObservationAlert outcome(long alertId, String outcome, String note, Actor actor) {
        return outcome(alertId, outcome, note, false, actor);
    }

    /** Records what became of an alert and, if asked, opens a suspected case (event {@link ObservationOutcome}); audited. */
    @Transactional
    public ObservationAlert outcome(long alertId, String outcome, String note, boolean suspectedCase, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers record the outcome of an alert");
        }
        ObservationAlert alert = find(alertId, actor);
        Outcome o;
        try {
            o = Outcome.valueOf(outcome == null ? "" : outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("outcome", "validation.alert.outcome");
        }
        // only the first of two officers handling one alert at once gets through (the row lock decides)
        int handled = jdbc.sql("""
                        update observation_alert set outcome = :o, note = :note, handled_at = now(), handled_by = :by
                        where id = :id and handled_at is null
                        """)
                .param("o", o.name()).param("note", note == null ? "" : note.strip()).param("by", actor.username())
                .param("id", alertId).update();
        if (!alert.open() || handled == 0) {
            throw new ConflictException("outcome", "validation.alert.handled");
        }
        if (o == Outcome.RULED_OUT) {
            jdbc.sql("""
                            update observation_order set status = 'ACTIVE'
                            where id = :o and status = 'ESCALATED'
                              and not exists (select 1 from observation_alert where order_id = :o and handled_at is null)
                            """).param("o", alert.orderId()).update();
        } else {
            jdbc.sql("""
                            update observation_order set status = 'TRANSFERRED', closed_at = now(), closed_by = :by
                            where id = :o and status in ('ACTIVE', 'ESCALATED')
                            """).param("o", alert.orderId()).param("by", actor.username()).update();
        }
        audit.record(AuditActions.OBSERVATION_ALERT_HANDLED, "observation-alert:" + alertId, o.name());
        long[] person = jdbc.sql("select person_id, record_id from observation_order where id = :o").param("o", alert.orderId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        events.publishEvent(new ObservationOutcome(alertId, alert.orderId(), person[0], person[1], alert.jurisdictionCode(), o,
                suspectedCase && o != Outcome.RULED_OUT, ShanghaiTime.today(clock), actor.username()));
        return find(alertId, actor);
    }

    ObservationAlert find(long id, Actor actor) {
        ObservationOrders.requireRead(actor);
        return jdbc.sql(SELECT + " and a.id = :id").param("scope", actor.scopePath()).param("id", id).query(MAPPER)
                .optional().orElseThrow(() -> new NotFoundException("observationAlert"));
    }
}
