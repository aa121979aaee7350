package org.fangkong.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.enterprise.Enterprise.State;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 复工备案: the enterprise files its prevention plan (every item of the checklist, a responsible
 * person, the pledge, the planned day and the staff expected back); the township or park officer
 * approves it (the enterprise is then 已备案) or returns it with a reason, and it may file again.
 */
@Service
public class ResumptionFilings {

    /** What an enterprise files. */
    public record FilingForm(Boolean temperatureChecks, Boolean disinfection, Boolean suppliesThreeDays, Boolean isolationRoom,
                             Boolean staggeredMeals, String plan, String responsibleName, String responsiblePhone, Boolean pledge,
                             LocalDate plannedOn, Integer staffExpected) {
    }

    /** A filing, its responsible person masked. */
    public record Filing(long id, long enterpriseId, String enterpriseName, String jurisdictionName, boolean temperatureChecks,
                         boolean disinfection, boolean suppliesThreeDays, boolean isolationRoom, boolean staggeredMeals, String plan,
                         String responsibleName, String responsiblePhone, LocalDate plannedOn, int staffExpected, Status status,
                         String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt, String returnReason) {
    }

    public enum Status {
        SUBMITTED, APPROVED, RETURNED
    }

    /** The responsible person in full, for a reason (audited). */
    public record Contact(String name, String phone) {
    }

    private static final String SELECT = """
            select f.*, e.name as enterprise_name, j.name as jurisdiction_name
            from resumption_filing f join enterprise e on e.id = f.enterprise_id join jurisdiction j on j.code = e.jurisdiction_code
            """;
    private static final RowMapper<Filing> MAPPER = (rs, n) -> {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Filing(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("jurisdiction_name"), rs.getBoolean("temperature_checks"), rs.getBoolean("disinfection"),
                rs.getBoolean("supplies_three_days"), rs.getBoolean("isolation_room"), rs.getBoolean("staggered_meals"),
                rs.getString("plan"), rs.getString("responsible_name_masked"), rs.getString("responsible_phone_masked"),
                rs.getObject("planned_on", LocalDate.class), rs.getInt("staff_expected"), Status.valueOf(rs.getString("status")),
                rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("return_reason"));
    };
    private static final String IN_SCOPE = " and j.path <@ cast(:scope as ltree)" + Enterprises.OWN;

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final EnterpriseStates states;
    private final Jurisdictions jurisdictions;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;

    ResumptionFilings(JdbcClient jdbc, Enterprises enterprises, EnterpriseStates states, Jurisdictions jurisdictions,
                      PiiSealer sealer, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.states = states;
        this.jurisdictions = jurisdictions;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Filing submit(long enterpriseId, FilingForm form, Actor actor) {
        Enterprise e = enterprises.find(enterpriseId, actor);
        if (!actor.is(Role.ENTERPRISE) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the enterprise files for resumption");
        }
        if (e.state() != State.NOT_RESUMED) {
            throw new ConflictException("state", "validation.filing.alreadyFiled");
        }
        ticked(form.temperatureChecks(), "temperatureChecks");
        ticked(form.disinfection(), "disinfection");
        ticked(form.suppliesThreeDays(), "suppliesThreeDays");
        ticked(form.isolationRoom(), "isolationRoom");
        ticked(form.staggeredMeals(), "staggeredMeals");
        String name = form.responsibleName() == null ? "" : form.responsibleName().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new FieldException("responsibleName", "validation.filing.responsibleName");
        }
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(form.responsiblePhone());
        } catch (InvalidValueException ex) {
            throw new FieldException("responsiblePhone", ex.messageKey());
        }
        if (!Boolean.TRUE.equals(form.pledge())) {
            throw new FieldException("pledge", "validation.filing.pledge");
        }
        if (form.plannedOn() == null || form.plannedOn().isBefore(ShanghaiTime.today(clock).minusDays(30))) {
            throw new FieldException("plannedOn", "validation.filing.plannedOn");
        }
        if (form.staffExpected() == null || form.staffExpected() < 0 || form.staffExpected() > e.staffTotal()) {
            throw new FieldException("staffExpected", "validation.filing.staffExpected", e.staffTotal());
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into resumption_filing (enterprise_id, temperature_checks, disinfection, supplies_three_days,
                                                           isolation_room, staggered_meals, plan, responsible_name_sealed,
                                                           responsible_name_masked, responsible_phone_sealed, responsible_phone_masked,
                                                           pledge, planned_on, staff_expected, submitted_by)
                            values (:e, true, true, true, true, true, :plan, :ns, :nm, :ps, :pm, true, :planned, :staff, :by)
                            returning id
                            """)
                    .param("e", enterpriseId).param("plan", Enterprises.text(form.plan(), 4000))
                    .param("ns", sealer.encrypt(name)).param("nm", Masking.name(name)).param("ps", sealer.encrypt(phone.value()))
                    .param("pm", phone.masked()).param("planned", form.plannedOn()).param("staff", form.staffExpected())
                    .param("by", actor.username()).query(Long.class).single();
        } catch (DuplicateKeyException ex) {
            throw new ConflictException("state", "validation.filing.open");
        }
        return find(id, actor);
    }

    /** The officer approves a filing waiting in its scope: the enterprise is 已备案 from today. */
    @Transactional
    public Filing approve(long filingId, Actor actor) {
        Filing f = decide(filingId, Status.APPROVED, null, actor);
        Enterprise e = enterprises.find(f.enterpriseId(), actor);
        states.record(e.id(), State.FILED, e.staffBack(), ShanghaiTime.today(clock), "", actor);
        audit.record(AuditActions.FILING_APPROVED, "filing:" + filingId, "enterprise:" + e.id());
        return f;
    }

    /** The officer returns a filing with the reason the enterprise will read. */
    @Transactional
    public Filing returnFiling(long filingId, String reason, Actor actor) {
        String why = Enterprises.text(reason, 500);
        if (why.isEmpty()) {
            find(filingId, actor);
            throw new FieldException("reason", "validation.filing.returnReason");
        }
        Filing f = decide(filingId, Status.RETURNED, why, actor);
        audit.record(AuditActions.FILING_RETURNED, "filing:" + filingId, why);
        return f;
    }

    private Filing decide(long filingId, Status status, String reason, Actor actor) {
        find(filingId, actor); // outside the caller's scope: 404 before anything else
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("township or park officers decide filings");
        }
        int done = jdbc.sql("""
                        update resumption_filing set status = :status, decided_by = :by, decided_at = now(), return_reason = :reason
                        where id = :id and status = 'SUBMITTED'
                        """).param("status", status.name()).param("by", actor.username()).param("reason", reason)
                .param("id", filingId).update();
        if (done == 0) {
            throw new ConflictException("status", "validation.filing.decided");
        }
        return find(filingId, actor);
    }

    @Transactional(readOnly = true)
    public Filing find(long filingId, Actor actor) {
        return jdbc.sql(SELECT + " where f.id = :id" + IN_SCOPE).param("id", filingId).param("scope", actor.scopePath())
                .param("account", Enterprises.account(actor)).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("filing"));
    }

    /** An enterprise's filings, newest first. */
    @Transactional(readOnly = true)
    public List<Filing> of(long enterpriseId, Actor actor) {
        enterprises.find(enterpriseId, actor);
        return jdbc.sql(SELECT + " where f.enterprise_id = :e order by f.submitted_at desc").param("e", enterpriseId)
                .query(MAPPER).list();
    }

    /** Filings waiting for a decision below a node of the caller's scope, oldest first. */
    @Transactional(readOnly = true)
    public PageResult<Filing> waiting(String node, int page, int size, Actor actor) {
        String path = node == null || node.isBlank() ? actor.scopePath() : jurisdictions.require(node.strip(), actor.scopePath()).path();
        return PageResult.query(jdbc.sql("select x.*, count(*) over () as total_rows from (" + SELECT
                        + " where f.status = 'SUBMITTED' and j.path <@ cast(:node as ltree)" + Enterprises.OWN
                        + ") x order by x.submitted_at, x.id limit :size offset :offset")
                .param("node", path).param("account", Enterprises.account(actor)), MAPPER, page, size);
    }

    /** The responsible person in full, for the reason given (audited as a reveal). */
    @Transactional
    public Contact contact(long filingId, String reason, Actor actor) {
        find(filingId, actor);
        audit.reveal("filing:" + filingId, reason);
        return jdbc.sql("select responsible_name_sealed, responsible_phone_sealed from resumption_filing where id = :id")
                .param("id", filingId)
                .query((rs, n) -> new Contact(sealer.open(rs.getBytes(1)), sealer.open(rs.getBytes(2)))).single();
    }

    private static void ticked(Boolean value, String field) {
        if (!Boolean.TRUE.equals(value)) {
            throw new FieldException(field, "validation.filing.item");
        }
    }
}
