package org.fangkong.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
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
import org.fangkong.observation.ObservationOrders;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case registry: a case is recorded with its first status and dates, and every later change
 * is a dated event (history kept, figures of past days recomputable). Officers and admins record;
 * commanders read. Each change publishes {@link CaseRecorded}.
 */
@Service
public class CaseRegistry {

    /** A new case: who (optional for cases known only from published figures), status, dates, where, which hospital. */
    public record CaseForm(String name, String idNumber, String phone, String status, String jurisdiction, Long hospitalId,
                           LocalDate onsetOn, LocalDate reportedOn, LocalDate confirmedOn, Long observationOrderId,
                           String tracingRef, String note) {
    }

    /** One dated status of a case. */
    public record CaseEvent(CaseStatus status, LocalDate on, String by, String note) {
    }

    static final String SELECT = """
            select c.*, p.name_masked, j.name as jurisdiction_name, h.name as hospital_name
            from case_record c
            join jurisdiction j on j.code = c.jurisdiction_code
            left join person_record p on p.id = c.record_id
            left join designated_hospital h on h.id = c.hospital_id
            """;
    static final RowMapper<Case> MAPPER = (rs, n) -> new Case(rs.getLong("id"), rs.getObject("person_id", Long.class),
            rs.getString("name_masked"), CaseStatus.valueOf(rs.getString("status")), rs.getString("jurisdiction_code"),
            rs.getString("jurisdiction_name"), rs.getObject("hospital_id", Long.class), rs.getString("hospital_name"),
            rs.getObject("onset_on", LocalDate.class), rs.getObject("reported_on", LocalDate.class),
            rs.getObject("confirmed_on", LocalDate.class), rs.getObject("discharged_on", LocalDate.class),
            rs.getObject("observation_order_id", Long.class), rs.getString("tracing_ref"), rs.getString("note"));

    private final JdbcClient jdbc;
    private final PersonRecords records;
    private final ObservationOrders observations;
    private final Jurisdictions jurisdictions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    CaseRegistry(JdbcClient jdbc, PersonRecords records, ObservationOrders observations, Jurisdictions jurisdictions, ApplicationEventPublisher events,
                 Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.records = records;
        this.observations = observations;
        this.jurisdictions = jurisdictions;
        this.events = events;
        this.clock = clock;
    }

    /** Officers and admins record cases; commanders read them. */
    public static boolean mayWrite(Actor actor) {
        return actor.is(Role.OFFICER) || actor.is(Role.ADMIN);
    }

    static void requireWrite(Actor actor) {
        if (!mayWrite(actor)) {
            throw new AccessDeniedException("officers record cases");
        }
    }

    static void requireRead(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN) && !actor.is(Role.COMMANDER)) {
            throw new AccessDeniedException("officers and commanders read cases");
        }
    }

    @Transactional
    public Case record(CaseForm form, Actor actor) {
        requireWrite(actor);
        CaseStatus status = status(form.status());
        if (!status.initial()) {
            throw new FieldException("status", "validation.case.initialStatus");
        }
        Jurisdiction place = jurisdictions.find(form.jurisdiction() == null ? "" : form.jurisdiction().strip(), actor.scopePath())
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.case.jurisdiction"));
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate reported = form.reportedOn() == null ? today : form.reportedOn();
        if (reported.isAfter(today)) {
            throw new FieldException("reportedOn", "validation.case.futureDate");
        }
        if (form.onsetOn() != null && form.onsetOn().isAfter(reported)) {
            throw new FieldException("onsetOn", "validation.case.onset");
        }
        LocalDate confirmed = status == CaseStatus.CONFIRMED ? (form.confirmedOn() == null ? reported : form.confirmedOn()) : null;
        if (confirmed != null && confirmed.isAfter(today)) {
            throw new FieldException("confirmedOn", "validation.case.futureDate");
        }
        // a hospital of the caller's subtree or above it (a city's designated hospital for its counties)
        if (form.hospitalId() != null && jdbc.sql("""
                        select count(*) from designated_hospital h join jurisdiction j on j.code = h.jurisdiction_code
                        where h.id = :h and (j.path <@ cast(:scope as ltree) or cast(:scope as ltree) <@ j.path)
                        """).param("h", form.hospitalId()).param("scope", actor.scopePath()).query(Integer.class).single() == 0) {
            throw new NotFoundException("hospital"); // unknown, or another city's: the same answer
        }
        if (form.observationOrderId() != null && !observations.inScope(form.observationOrderId(), actor.scopePath())) {
            throw new NotFoundException("observationOrder");
        }
        boolean named = form.name() != null && !form.name().isBlank();
        PersonRecords.Enrolled who = named ? records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()),
                place.code(), PersonRecords.Source.CASE) : null;
        long id = jdbc.sql("""
                        insert into case_record (person_id, record_id, status, jurisdiction_code, jurisdiction_path, hospital_id,
                                                 onset_on, reported_on, confirmed_on, observation_order_id, tracing_ref, note,
                                                 created_by)
                        values (:p, :rec, :s, :j, cast(:path as ltree), :h, :onset, :reported, :confirmed, :o, :t, :note, :by)
                        returning id
                        """)
                .param("p", who == null ? null : who.personId()).param("rec", who == null ? null : who.recordId())
                .param("s", status.name()).param("j", place.code()).param("path", place.path())
                .param("h", form.hospitalId()).param("onset", form.onsetOn()).param("reported", reported)
                .param("confirmed", confirmed).param("o", form.observationOrderId()).param("t", form.tracingRef())
                .param("note", form.note() == null ? "" : form.note().strip()).param("by", actor.username())
                .query(Long.class).single();
        LocalDate on = confirmed != null ? confirmed : reported;
        event(id, status, on, actor.username(), "");
        events.publishEvent(new CaseRecorded(id, place.code(), status, on));
        audit.record(AuditActions.CASE_RECORDED, "case:" + id, status.name());
        return find(id, actor);
    }

    /** A change of status on a day (not before the last one, not after today), kept in the history. */
    @Transactional
    public Case change(long id, String statusName, LocalDate on, String note, Actor actor) {
        requireWrite(actor);
        find(id, actor);
        // two changes of one case at once: the second waits and then sees the first's status
        jdbc.sql("select id from case_record where id = :id for update").param("id", id).query(Long.class).single();
        Case current = find(id, actor);
        CaseStatus next = status(statusName);
        if (!current.status().mayBecome(next)) {
            throw new ConflictException("status", "validation.case.transition");
        }
        LocalDate day = on == null ? ShanghaiTime.today(clock) : on;
        LocalDate last = jdbc.sql("select max(on_date) from case_event where case_id = :c").param("c", id)
                .query(LocalDate.class).single();
        if (day.isAfter(ShanghaiTime.today(clock)) || day.isBefore(last)) {
            throw new FieldException("on", "validation.case.eventDate");
        }
        jdbc.sql("""
                        update case_record set status = :s,
                               confirmed_on = case when :s = 'CONFIRMED' then cast(:on as date) else confirmed_on end,
                               discharged_on = case when :s = 'CURED' then cast(:on as date) else discharged_on end
                        where id = :id
                        """).param("s", next.name()).param("on", day).param("id", id).update();
        event(id, next, day, actor.username(), note == null ? "" : note.strip());
        events.publishEvent(new CaseRecorded(id, current.jurisdictionCode(), next, day));
        audit.record(AuditActions.CASE_CHANGED, "case:" + id, current.status() + "->" + next);
        return find(id, actor);
    }

    void event(long caseId, CaseStatus status, LocalDate on, String by, String note) {
        jdbc.sql("insert into case_event (case_id, status, on_date, by_user, note) values (:c, :s, :on, :by, :note)")
                .param("c", caseId).param("s", status.name()).param("on", on).param("by", by).param("note", note).update();
    }

    private static CaseStatus status(String name) {
        try {
            return CaseStatus.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("status", "validation.case.status");
        }
    }

    @Transactional(readOnly = true)
    public Case find(long id, Actor actor) {
        requireRead(actor);
        return jdbc.sql(SELECT + " where c.id = :id and c.jurisdiction_path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath()).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("case"));
    }

    /** Cases in scope (or below one node), optionally of one status, newest report first, paged. */
    @Transactional(readOnly = true)
    public PageResult<Case> list(String jurisdiction, String status, Integer page, Integer size,
                                                         Actor actor) {
        requireRead(actor);
        String node = jurisdiction == null || jurisdiction.isBlank() ? actor.scopePath()
                : jurisdictions.require(jurisdiction.strip(), actor.scopePath()).path();
        String only = status == null || status.isBlank() ? null : status(status).name();
        int p = PageResult.page(page);
        int s = PageResult.size(size);
        return PageResult.query(jdbc.sql(SELECT.replace("select c.*,", "select c.*, count(*) over () as total_rows,") + """
                        where c.jurisdiction_path <@ cast(:node as ltree) and (cast(:st as text) is null or c.status = :st)
                        order by c.reported_on desc, c.id desc limit :size offset :offset
                        """).param("node", node).param("st", only), MAPPER, p, s);
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> history(long id, Actor actor) {
        find(id, actor);
        return jdbc.sql("select status, on_date, by_user, note from case_event where case_id = :c order by on_date, id")
                .param("c", id).query((rs, n) -> new CaseEvent(CaseStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4))).list();
    }
}
