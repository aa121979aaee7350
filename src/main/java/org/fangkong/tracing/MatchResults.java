package org.fangkong.tracing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading matched lists: the lists made within the viewer's scope, one list's counts, its rows
 * (filtered, paged, one query), and the results as xlsx (audited as an export).
 */
@Service
public class MatchResults {

    /** Which rows to show. */
    public enum Filter { ALL, MATCHED, UNMATCHED, INVALID }

    private static final String LIST = """
            select l.*, (select count(*) from follow_up_task t where t.list_id = l.id) as tasks,
                   (select count(*) from follow_up_task t where t.list_id = l.id and t.done_at is not null) as tasks_done
            from match_list l
            """;
    private static final RowMapper<MatchList> LIST_MAPPER = (rs, n) -> new MatchList(rs.getLong("id"), rs.getString("name"),
            rs.getString("file_name"), rs.getString("scope_code"), rs.getString("uploaded_by"),
            rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("state"),
            rs.getObject("job_id", UUID.class), rs.getInt("total"), rs.getInt("matched"), rs.getInt("invalid"),
            rs.getLong("tasks"), rs.getLong("tasks_done"));

    /**
     * A list's rows as the viewer may see them: where a match was placed, last checked in and last
     * passed a checkpoint only where the viewer's scope holds that place; elsewhere only the county
     * that holds the person, and the follow-up task routed there is that county's, not the uploader's.
     */
    static final String VISIBLE = """
            select r.list_id, r.row_no, r.name_masked, r.id_masked, r.phone_masked, r.name_sealed, r.id_sealed,
                   r.phone_sealed, r.left_on, r.arrived_on, r.error_field, r.error_key, r.matched, r.source,
                   case when here then r.jurisdiction_code else cty.code end as jurisdiction_code,
                   case when here then j.name else cty.name end as jurisdiction_name,
                   case when here then r.address end as address,
                   case when venue_here then r.venue_name end as venue_name,
                   case when venue_here then r.last_seen_at end as last_seen_at,
                   case when checkpoint_here then r.checkpoint_name end as checkpoint_name,
                   case when checkpoint_here then r.passed_at end as passed_at,
                   case when here then t.id end as task_id, case when here then t.done_at end as done_at,
                   case when here then t.note end as note
            from match_row r
            left join jurisdiction j on j.code = r.jurisdiction_code
            left join jurisdiction cty on cty.path = subpath(j.path, 0, least(3, nlevel(j.path)))
            left join jurisdiction vj on vj.code = r.venue_jurisdiction
            left join jurisdiction cj on cj.code = r.checkpoint_jurisdiction
            left join follow_up_task t on t.list_id = r.list_id and t.row_no = r.row_no
            cross join lateral (select coalesce(j.path <@ cast(:scope as ltree), false) as here,
                                       coalesce(vj.path <@ cast(:scope as ltree), false) as venue_here,
                                       coalesce(cj.path <@ cast(:scope as ltree), false) as checkpoint_here) seen
            where r.list_id = :l
            """;

    private final JdbcClient jdbc;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final MessageSource messages;

    MatchResults(JdbcClient jdbc, PiiSealer sealer, AuditTrail audit, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** Lists uploaded within the viewer's scope, newest first. */
    @Transactional(readOnly = true)
    public PageResult<MatchList> lists(Integer page, Integer size, Actor actor) {
        CrossMatching.requireMatcher(actor);
        int p = PageResult.page(page);
        int s = PageResult.size(size);
        return PageResult.query(jdbc.sql(LIST.replaceFirst("select ", "select count(*) over () as total_rows, ")
                        + " where l.scope_path <@ cast(:scope as ltree) order by l.id desc limit :size offset :offset")
                .param("scope", actor.scopePath()), LIST_MAPPER, p, s);
    }

    /** One list, if it was uploaded within the viewer's scope. */
    @Transactional(readOnly = true)
    public MatchList list(long id, Actor actor) {
        CrossMatching.requireMatcher(actor);
        return jdbc.sql(LIST + " where l.id = :id and l.scope_path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath()).query(LIST_MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("matchList"));
    }

    /** A page of the list's rows in row order, with the total, in one query. */
    @Transactional(readOnly = true)
    public PageResult<MatchRow> rows(long listId, Filter filter, Integer page, Integer size, Actor actor) {
        list(listId, actor);
        int p = PageResult.page(page);
        int s = PageResult.size(size);
        return PageResult.query(jdbc.sql("select v.*, count(*) over () as total_rows from (" + VISIBLE + """
                        ) v where (:f = 'ALL' or (:f = 'MATCHED' and v.matched)
                              or (:f = 'INVALID' and v.error_key is not null)
                              or (:f = 'UNMATCHED' and not v.matched and v.error_key is null))
                        order by v.row_no limit :size offset :offset
                        """)
                .param("l", listId).param("f", (filter == null ? Filter.ALL : filter).name()).param("scope", actor.scopePath()),
                (rs, n) -> {
                    OffsetDateTime seen = rs.getObject("last_seen_at", OffsetDateTime.class);
                    OffsetDateTime passed = rs.getObject("passed_at", OffsetDateTime.class);
                    OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
                    return new MatchRow(rs.getInt("row_no"), rs.getString("name_masked"), rs.getString("id_masked"),
                            rs.getString("phone_masked"), rs.getObject("left_on", LocalDate.class),
                            rs.getObject("arrived_on", LocalDate.class), rs.getString("error_field"),
                            rs.getString("error_key"), rs.getBoolean("matched"), rs.getString("source"),
                            rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
                            rs.getString("address"), rs.getString("venue_name"),
                            seen == null ? null : seen.toInstant(), rs.getString("checkpoint_name"),
                            passed == null ? null : passed.toInstant(), rs.getObject("task_id", Long.class),
                            done == null ? null : done.toInstant(), rs.getString("note"));
                }, p, s);
    }

    /** Every row with the list's full names, ID numbers and phones, as xlsx; audited as an export. */
    @Transactional
    public byte[] export(long listId, String reason, Locale locale, Actor actor) {
        MatchList list = list(listId, actor);
        AuditTrail.requireReason(reason);
        List<MatchWorkbook.Line> lines = jdbc.sql("select v.* from (" + VISIBLE + ") v order by v.row_no")
                .param("l", listId).param("scope", actor.scopePath())
                .query((rs, n) -> {
                    OffsetDateTime seen = rs.getObject("last_seen_at", OffsetDateTime.class);
                    OffsetDateTime passed = rs.getObject("passed_at", OffsetDateTime.class);
                    OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
                    return new MatchWorkbook.Line(rs.getInt("row_no"), open(rs.getBytes("name_sealed")),
                            open(rs.getBytes("id_sealed")), open(rs.getBytes("phone_sealed")),
                            rs.getObject("left_on", LocalDate.class), rs.getObject("arrived_on", LocalDate.class),
                            rs.getString("error_key") != null ? "INVALID" : rs.getBoolean("matched") ? "MATCHED" : "UNMATCHED",
                            rs.getString("source"), rs.getString("jurisdiction_name"),
                            rs.getString("address"), rs.getString("venue_name"),
                            seen == null ? null : seen.toInstant(), rs.getString("checkpoint_name"),
                            passed == null ? null : passed.toInstant(), done == null ? null : done.toInstant(),
                            rs.getString("note"), rs.getString("error_field"), rs.getString("error_key"));
                }).list();
        audit.export("match-list:" + listId, lines.size(), reason);
        return MatchWorkbook.xlsx(list, lines, key -> messages.getMessage(key, null, key, locale));
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }
}
