package org.fangkong.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一例一方案: a confirmed case's clinical type (临床分型) with its history; each severe or critical
 * case has one treatment plan by its expert group, and remote consultations (远程会诊) are recorded
 * with the plan as they left it. The cases needing attention: severe or critical without a plan, or
 * without a consultation in the last 24 hours.
 */
@Service
public class TreatmentPlans {

    public enum Severity {
        MILD, MODERATE, SEVERE, CRITICAL;

        boolean serious() {
            return this == SEVERE || this == CRITICAL;
        }
    }

    public record PlanForm(String experts, String plan) {
    }

    public record ConsultationForm(OffsetDateTime heldAt, String experts, String notes, String newPlan) {
    }

    public record SeverityChange(Severity severity, LocalDate on, String by, String note) {
    }

    public record Plan(String experts, String plan, int version, String updatedBy, Instant updatedAt) {
    }

    public record Consultation(long id, Instant heldAt, String experts, String notes, String newPlan, String recordedBy) {
    }

    /** A case's clinical picture: its type and history, its plan, its consultations (newest first). */
    public record View(Case kase, Severity severity, List<SeverityChange> history, Plan plan, List<Consultation> consultations) {
    }

    /** A severe or critical case and what it lacks. */
    public record Attention(long caseId, String name, String jurisdictionName, String hospitalName, Severity severity,
                            boolean noPlan, Instant lastConsultation, boolean noConsultationIn24h) {
    }

    private final JdbcClient jdbc;
    private final CaseRegistry cases;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    TreatmentPlans(JdbcClient jdbc, CaseRegistry cases, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** The clinical type of a confirmed case from a day (not after today, not before its last change). */
    @Transactional
    public View classify(long caseId, String severity, LocalDate on, String note, Actor actor) {
        CaseRegistry.requireWrite(actor);
        Case c = cases.find(caseId, actor);
        jdbc.sql("select id from case_record where id = :id for update").param("id", caseId).query(Long.class).single();
        if (c.status() != CaseStatus.CONFIRMED) {
            throw new ConflictException("severity", "validation.plan.notConfirmed");
        }
        Severity s = parse(severity);
        LocalDate day = on == null ? ShanghaiTime.today(clock) : on;
        LocalDate last = jdbc.sql("select max(on_date) from case_severity_event where case_id = :c").param("c", caseId)
                .query(LocalDate.class).optional().orElse(null);
        if (day.isAfter(ShanghaiTime.today(clock)) || (last != null && day.isBefore(last))) {
            throw new FieldException("on", "validation.case.eventDate");
        }
        jdbc.sql("update case_record set severity = :s, severity_on = :on where id = :id").param("s", s.name()).param("on", day)
                .param("id", caseId).update();
        jdbc.sql("insert into case_severity_event (case_id, severity, on_date, by_user, note) values (:c, :s, :on, :by, :note)")
                .param("c", caseId).param("s", s.name()).param("on", day).param("by", actor.username())
                .param("note", text(note, 500, "note", false)).update();
        return view(caseId, actor);
    }

    /** Sets the plan of a severe or critical case (a new version each time). */
    @Transactional
    public View plan(long caseId, PlanForm form, Actor actor) {
        CaseRegistry.requireWrite(actor);
        requireSerious(caseId, actor);
        String experts = text(form.experts(), 500, "experts", true);
        String plan = text(form.plan(), 5000, "plan", true);
        write(caseId, experts, plan, actor);
        return view(caseId, actor);
    }

    /** Records a remote consultation; a new plan given replaces the plan (its experts: the consultation's). */
    @Transactional
    public View consult(long caseId, ConsultationForm form, Actor actor) {
        CaseRegistry.requireWrite(actor);
        requireSerious(caseId, actor);
        Instant now = clock.instant();
        Instant held = form.heldAt() == null ? now : form.heldAt().toInstant();
        if (held.isAfter(now.plus(Duration.ofMinutes(5))) || held.isBefore(now.minus(Duration.ofDays(30)))) {
            throw new FieldException("heldAt", "validation.plan.heldAt");
        }
        String experts = text(form.experts(), 500, "experts", true);
        String notes = text(form.notes(), 5000, "notes", true);
        String newPlan = form.newPlan() == null || form.newPlan().isBlank() ? null : text(form.newPlan(), 5000, "newPlan", true);
        jdbc.sql("""
                        insert into case_consultation (case_id, held_at, experts, notes, new_plan, recorded_by)
                        values (:c, :at, :experts, :notes, :plan, :by)
                        """).param("c", caseId).param("at", OffsetDateTime.ofInstant(held, ShanghaiTime.ZONE)).param("experts", experts)
                .param("notes", notes).param("plan", newPlan).param("by", actor.username()).update();
        if (newPlan != null) {
            write(caseId, experts, newPlan, actor);
        }
        return view(caseId, actor);
    }

    @Transactional(readOnly = true)
    public View view(long caseId, Actor actor) {
        Case c = cases.find(caseId, actor);
        String s = jdbc.sql("select severity from case_record where id = :id").param("id", caseId).query(String.class).optional()
                .orElse(null);
        List<SeverityChange> history = jdbc.sql("select * from case_severity_event where case_id = :c order by id")
                .param("c", caseId).query((rs, n) -> new SeverityChange(Severity.valueOf(rs.getString("severity")),
                        rs.getObject("on_date", LocalDate.class), rs.getString("by_user"), rs.getString("note"))).list();
        Plan plan = jdbc.sql("select * from case_plan where case_id = :c").param("c", caseId)
                .query((rs, n) -> new Plan(rs.getString("experts"), rs.getString("plan"), rs.getInt("version"), rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant())).optional().orElse(null);
        List<Consultation> consultations = jdbc.sql("select * from case_consultation where case_id = :c order by held_at desc, id desc")
                .param("c", caseId).query((rs, n) -> new Consultation(rs.getLong("id"),
                        rs.getObject("held_at", OffsetDateTime.class).toInstant(), rs.getString("experts"), rs.getString("notes"),
                        rs.getString("new_plan"), rs.getString("recorded_by"))).list();
        return new View(c, s == null ? null : Severity.valueOf(s), history, plan, consultations);
    }

    /** Severe and critical cases below a node without a plan or without a consultation in 24 hours, the longest waiting first. */
    @Transactional(readOnly = true)
    public List<Attention> attention(String code, boolean all, Actor actor) {
        CaseRegistry.requireRead(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        Instant since = clock.instant().minus(Duration.ofHours(24));
        return jdbc.sql("""
                        select c.id, p.name_masked, j.name as place, h.name as hospital, c.severity, cp.case_id is null as no_plan,
                               (select max(held_at) from case_consultation k where k.case_id = c.id) as last_consultation
                        from case_record c join jurisdiction j on j.code = c.jurisdiction_code
                        left join person p on p.id = c.person_id left join designated_hospital h on h.id = c.hospital_id
                        left join case_plan cp on cp.case_id = c.id
                        where c.jurisdiction_path <@ cast(:node as ltree) and c.status = 'CONFIRMED' and c.severity in ('SEVERE', 'CRITICAL')
                        order by last_consultation nulls first, c.severity_on, c.id
                        """).param("node", node.path())
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject("last_consultation", OffsetDateTime.class);
                    return new Attention(rs.getLong("id"), rs.getString("name_masked"), rs.getString("place"), rs.getString("hospital"),
                            Severity.valueOf(rs.getString("severity")), rs.getBoolean("no_plan"), last == null ? null : last.toInstant(),
                            last == null || last.toInstant().isBefore(since));
                }).list().stream().filter(a -> all || a.noPlan() || a.noConsultationIn24h()).toList();
    }

    private void requireSerious(long caseId, Actor actor) {
        cases.find(caseId, actor);
        String s = jdbc.sql("select severity from case_record where id = :id and status = 'CONFIRMED'").param("id", caseId)
                .query(String.class).optional().orElse(null);
        if (s == null || !Severity.valueOf(s).serious()) {
            throw new ConflictException("severity", "validation.plan.notSerious");
        }
    }

    private void write(long caseId, String experts, String plan, Actor actor) {
        jdbc.sql("""
                        insert into case_plan (case_id, experts, plan, version, updated_by) values (:c, :e, :p, 1, :by)
                        on conflict (case_id) do update set experts = excluded.experts, plan = excluded.plan,
                                                            version = case_plan.version + 1, updated_by = excluded.updated_by,
                                                            updated_at = now()
                        """).param("c", caseId).param("e", experts).param("p", plan).param("by", actor.username()).update();
    }

    private static Severity parse(String s) {
        try {
            return Severity.valueOf(s == null ? "" : s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("severity", "validation.plan.severity");
        }
    }

    private static String text(String value, int max, String field, boolean required) {
        String v = value == null ? "" : value.strip();
        if ((required && v.isEmpty()) || v.length() > max) {
            throw new FieldException(field, "validation.plan.text", max);
        }
        return v;
    }
}
