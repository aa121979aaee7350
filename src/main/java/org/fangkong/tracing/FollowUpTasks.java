package org.fangkong.tracing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.person.PersonIdentity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up task list of a grid, village or community (and, rolled up, of everything in a
 * scope): open tasks first, oldest first. A grid worker marks a task done with a note.
 */
@Service
public class FollowUpTasks {

    private static final String SELECT = """
            select t.id, t.list_id, l.name as list_name, t.row_no, r.name_masked, r.id_masked, r.phone_masked, r.source,
                   t.jurisdiction_code, j.name as jurisdiction_name, r.address,
                   case when vj.path <@ cast(:scope as ltree) then r.venue_name end as venue_name,
                   case when vj.path <@ cast(:scope as ltree) then r.last_seen_at end as last_seen_at, r.left_on,
                   r.arrived_on, t.created_at, t.done_at, t.done_by, t.note, count(*) over () as total_rows
            from follow_up_task t
            join jurisdiction j on j.code = t.jurisdiction_code
            join match_list l on l.id = t.list_id
            join match_row r on r.list_id = t.list_id and r.row_no = t.row_no
            left join jurisdiction vj on vj.code = r.venue_jurisdiction
            """;
    private static final RowMapper<FollowUpTask> MAPPER = (rs, n) -> {
        OffsetDateTime seen = rs.getObject("last_seen_at", OffsetDateTime.class);
        OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
        return new FollowUpTask(rs.getLong("id"), rs.getLong("list_id"), rs.getString("list_name"), rs.getInt("row_no"),
                rs.getString("name_masked"), rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("source"),
                rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getString("address"),
                rs.getString("venue_name"), seen == null ? null : seen.toInstant(), rs.getObject("left_on", LocalDate.class),
                rs.getObject("arrived_on", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getString("note"));
    };

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PiiSealer sealer;

    FollowUpTasks(JdbcClient jdbc, AuditTrail audit, PiiSealer sealer) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.sealer = sealer;
    }

    static boolean mayWork(Actor actor) {
        return actor.is(Role.GRID_WORKER) || actor.is(Role.OFFICER) || actor.is(Role.ADMIN);
    }

    /** Tasks in the actor's scope: open ones only (default) or all; open first, then oldest first. */
    @Transactional(readOnly = true)
    public PageResult<FollowUpTask> tasks(boolean openOnly, Integer page, Integer size, Actor actor) {
        if (!mayWork(actor) && !actor.is(Role.COMMANDER)) {
            throw new AccessDeniedException("no task list for this role");
        }
        int p = PageResult.page(page);
        int s = PageResult.size(size);
        return PageResult.query(jdbc.sql(SELECT + """
                        where j.path <@ cast(:scope as ltree) and (not :open or t.done_at is null)
                        order by t.done_at is not null, t.created_at, t.id limit :size offset :offset
                        """).param("scope", actor.scopePath()).param("open", openOnly), MAPPER, p, s);
    }

    @Transactional(readOnly = true)
    public FollowUpTask task(long id, Actor actor) {
        return jdbc.sql(SELECT + " where t.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath()).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("task"));
    }

    /** The name, ID number and phone the list gave for the task's person (to phone them); needs a reason, audited. */
    @Transactional
    public PersonIdentity reveal(long id, String reason, Actor actor) {
        if (!mayWork(actor)) {
            throw new AccessDeniedException("only grid workers and officers reveal a task's person");
        }
        FollowUpTask task = task(id, actor);
        if (reason == null || reason.isBlank()) {
            throw new FieldException("reason", "validation.reason.required");
        }
        PersonIdentity full = jdbc.sql("""
                        select name_sealed, id_sealed, phone_sealed from match_row where list_id = :l and row_no = :r
                        """).param("l", task.listId()).param("r", task.row())
                .query((rs, n) -> new PersonIdentity(open(rs.getBytes(1)), open(rs.getBytes(2)),
                        open(rs.getBytes(3))))
                .single();
        audit.reveal("task:" + id, reason.strip());
        return full;
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    /** Marks a task done with what the grid worker found; a task is done once. */
    @Transactional
    public FollowUpTask done(long id, String note, Actor actor) {
        if (!mayWork(actor)) {
            throw new AccessDeniedException("only grid workers and officers close tasks");
        }
        task(id, actor);
        if (note == null || note.isBlank()) {
            throw new FieldException("note", "validation.task.note");
        }
        int n = jdbc.sql("""
                        update follow_up_task set done_at = now(), done_by = :by, note = :note
                        where id = :id and done_at is null
                        """)
                .param("id", id).param("by", actor.username())
                .param("note", note.strip().length() > 500 ? note.strip().substring(0, 500) : note.strip()).update();
        if (n == 0) {
            throw new ConflictException("note", "validation.task.alreadyDone");
        }
        audit.record(AuditActions.TASK_DONE, "task:" + id, null);
        return task(id, actor);
    }
}
