package org.fangkong.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业诉求: an enterprise raises a problem (staff, materials, logistics, funding, policy); the task
 * force (专班) of its county holds it with a deadline, replies, escalates it to the city and then the
 * province when it cannot solve it, and records the resolution. Overdue: open after its deadline.
 * The enterprise sees its problems' state and every reply.
 */
@Service
public class EnterpriseProblems {

    static final int DEFAULT_DAYS = 3;

    public enum Kind {
        STAFF, MATERIALS, LOGISTICS, FUNDING, POLICY, OTHER
    }

    public enum Status {
        OPEN, RESOLVED
    }

    /** What the enterprise raises: the kind by name, what it needs, and by when (three days when empty). */
    public record ProblemForm(String kind, String description, LocalDate dueOn) {
    }

    public record Problem(long id, long enterpriseId, String enterpriseName, String jurisdictionName, Kind kind,
                          String description, String heldBy, String heldByName, LocalDate dueOn, boolean overdue, Status status,
                          String raisedBy, Instant raisedAt, String resolvedBy, Instant resolvedAt, String resolution) {
    }

    public record Reply(String body, String escalatedTo, String writtenBy, Instant writtenAt) {
    }

    private static final String SELECT = """
            select p.*, e.name as enterprise_name, j.name as jurisdiction_name, h.name as held_by_name,
                   p.status = 'OPEN' and p.due_on < :today as overdue
            from enterprise_problem p join enterprise e on e.id = p.enterprise_id
            join jurisdiction j on j.code = e.jurisdiction_code join jurisdiction h on h.code = p.held_by
            """;
    private static final RowMapper<Problem> MAPPER = (rs, n) -> {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Problem(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("jurisdiction_name"), Kind.valueOf(rs.getString("kind")), rs.getString("description"),
                rs.getString("held_by"), rs.getString("held_by_name"), rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("overdue"), Status.valueOf(rs.getString("status")), rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), rs.getString("resolved_by"), resolved == null ? null : resolved.toInstant(),
                rs.getString("resolution"));
    };

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Jurisdictions jurisdictions;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseProblems(JdbcClient jdbc, Enterprises enterprises, Jurisdictions jurisdictions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Problem raise(long enterpriseId, ProblemForm form, Actor actor) {
        Enterprise e = enterprises.find(enterpriseId, actor);
        if (!actor.is(Role.ENTERPRISE) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the enterprise or its officer raises a problem");
        }
        Kind kind;
        try {
            kind = Kind.valueOf((form.kind() == null ? "" : form.kind().strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw new FieldException("kind", "validation.problem.kind");
        }
        String description = Enterprises.text(form.description(), 2000);
        if (description.isEmpty()) {
            throw new FieldException("description", "validation.problem.description");
        }
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate due = form.dueOn() == null ? today.plusDays(DEFAULT_DAYS) : form.dueOn();
        if (due.isBefore(today)) {
            throw new FieldException("dueOn", "validation.problem.dueOn");
        }
        long id = jdbc.sql("""
                        insert into enterprise_problem (enterprise_id, kind, description, held_by, due_on, raised_by)
                        values (:e, :kind, :description, :county, :due, :by) returning id
                        """)
                .param("e", enterpriseId).param("kind", kind.name()).param("description", description)
                .param("county", e.jurisdictionCode().substring(0, 6)).param("due", due).param("by", actor.username())
                .query(Long.class).single();
        return find(id, actor);
    }

    /** A reply by the task force holding it (or the enterprise, answering). */
    @Transactional
    public Problem reply(long problemId, String body, Actor actor) {
        Problem p = find(problemId, actor);
        requireOpen(p);
        if (!actor.is(Role.ENTERPRISE)) {
            requireHolder(p, actor);
        }
        write(problemId, body, null, actor);
        return find(problemId, actor);
    }

    /** The task force holding it hands it up: county → city → province, with a note why. */
    @Transactional
    public Problem escalate(long problemId, String note, Actor actor) {
        Problem p = find(problemId, actor);
        requireOpen(p);
        requireHolder(p, actor);
        String up = jurisdictions.findUnscoped(p.heldBy()).map(j -> j.parentCode())
                .orElseThrow(() -> new ConflictException("heldBy", "validation.problem.top"));
        if (up == null) {
            throw new ConflictException("heldBy", "validation.problem.top");
        }
        jdbc.sql("update enterprise_problem set held_by = :up where id = :id").param("up", up).param("id", problemId).update();
        write(problemId, note, up, actor);
        audit.record(AuditActions.PROBLEM_ESCALATED, "problem:" + problemId, up);
        return find(problemId, actor);
    }

    /** The task force holding it records how it was solved. */
    @Transactional
    public Problem resolve(long problemId, String resolution, Actor actor) {
        Problem p = find(problemId, actor);
        requireOpen(p);
        requireHolder(p, actor);
        String text = Enterprises.text(resolution, 2000);
        if (text.isEmpty()) {
            throw new FieldException("resolution", "validation.problem.resolution");
        }
        jdbc.sql("""
                        update enterprise_problem set status = 'RESOLVED', resolved_by = :by, resolved_at = now(), resolution = :r
                        where id = :id
                        """).param("by", actor.username()).param("r", text).param("id", problemId).update();
        audit.record(AuditActions.PROBLEM_RESOLVED, "problem:" + problemId, "enterprise:" + p.enterpriseId());
        return find(problemId, actor);
    }

    @Transactional(readOnly = true)
    public Problem find(long problemId, Actor actor) {
        Enterprises.requireRead(actor);
        return jdbc.sql(SELECT + " where p.id = :id and j.path <@ cast(:scope as ltree)" + Enterprises.OWN)
                .param("id", problemId).param("scope", actor.scopePath()).param("account", Enterprises.account(actor))
                .param("today", ShanghaiTime.today(clock)).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("problem"));
    }

    @Transactional(readOnly = true)
    public List<Reply> replies(long problemId, Actor actor) {
        find(problemId, actor);
        return jdbc.sql("select body, escalated_to, written_by, written_at from enterprise_problem_reply where problem_id = :id order by written_at, id")
                .param("id", problemId)
                .query((rs, n) -> new Reply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** The replies of problems a scoped read returned, by problem: one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<Reply>> repliesOf(List<Problem> problems) {
        Map<Long, List<Reply>> byProblem = new HashMap<>();
        if (problems.isEmpty()) {
            return byProblem;
        }
        jdbc.sql("""
                        select problem_id, body, escalated_to, written_by, written_at from enterprise_problem_reply
                        where problem_id = any(cast(:ids as bigint[])) order by written_at, id
                        """).param("ids", problems.stream().map(Problem::id).toArray(Long[]::new))
                .query((rs, n) -> byProblem.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Reply(rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))).list();
        return byProblem;
    }

    /** An enterprise's problems, newest first. */
    @Transactional(readOnly = true)
    public List<Problem> of(long enterpriseId, Actor actor) {
        enterprises.find(enterpriseId, actor);
        return jdbc.sql(SELECT + " where p.enterprise_id = :e order by p.raised_at desc").param("e", enterpriseId)
                .param("today", ShanghaiTime.today(clock)).query(MAPPER).list();
    }

    /**
     * The problems held by the task force of a node (or below it with {@code below}), open ones by
     * deadline (overdue first), of enterprises in the caller's scope; {@code overdue} only those past
     * their deadline.
     */
    @Transactional(readOnly = true)
    public PageResult<Problem> held(String node, boolean below, boolean openOnly, boolean overdueOnly, int page, int size, Actor actor) {
        Enterprises.requireRead(actor);
        var at = jurisdictions.nodeOrScope(node, actor);
        return PageResult.query(jdbc.sql("select x.*, count(*) over () as total_rows from (" + SELECT + """
                         where j.path <@ cast(:scope as ltree)
                           and (p.held_by = :node or (:below and left(p.held_by, length(:node)) = :node))
                           and (not :open or p.status = 'OPEN') and (not :overdue or (p.status = 'OPEN' and p.due_on < :today))
                        """ + Enterprises.OWN + ") x order by x.status, x.due_on, x.id limit :size offset :offset")
                .param("scope", actor.scopePath()).param("account", Enterprises.account(actor)).param("node", at.code())
                .param("below", below).param("open", openOnly).param("overdue", overdueOnly)
                .param("today", ShanghaiTime.today(clock)), MAPPER, page, size);
    }

    private void write(long problemId, String body, String escalatedTo, Actor actor) {
        String text = Enterprises.text(body, 2000);
        if (text.isEmpty()) {
            throw new FieldException("body", "validation.problem.reply");
        }
        jdbc.sql("insert into enterprise_problem_reply (problem_id, body, escalated_to, written_by) values (:p, :b, :up, :by)")
                .param("p", problemId).param("b", text).param("up", escalatedTo).param("by", actor.username()).update();
    }

    private static void requireOpen(Problem p) {
        if (p.status() != Status.OPEN) {
            throw new ConflictException("status", "validation.problem.resolved");
        }
    }

    /** Only the task force holding it acts on it: staff whose scope is the holding node or above it. */
    private static void requireHolder(Problem p, Actor actor) {
        if (!(actor.is(Role.OFFICER) || actor.is(Role.COMMANDER) || actor.is(Role.ADMIN)) || !p.heldBy().startsWith(actor.scopeCode())) {
            throw new AccessDeniedException("the task force holding the problem answers it");
        }
    }
}
