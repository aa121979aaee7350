package org.fangkong.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Directives down the tree (指令下达): a commander or officer issues one to its subtree, to every unit
 * of chosen levels (one INSERT … SELECT over the tree) or to chosen nodes; each recipient unit signs
 * for it and reports completion; a recipient may forward it down with its own additions. A unit acts
 * through staff whose scope is that unit.
 */
@Service
public class Directives {

    /** A directive as issued: to {@code levels} below the issuer, or to {@code units} by code. */
    public record DirectiveForm(String title, String body, OffsetDateTime deadline, Boolean feedbackRequired, List<String> levels,
                                List<String> units) {
    }

    /** A unit's copy: what it was sent and where it stands. */
    public record Received(Directive directive, String unitCode, Instant signedAt, String signedBy, Instant doneAt, String doneBy,
                           String feedback, Instant remindedAt, boolean overdue) {
    }

    static final String SELECT = """
            select d.*, j.name as issuer_name,
                   (select filename from directive_attachment a where a.directive_id = d.id) as attachment
            from directive d join jurisdiction j on j.code = d.issuer_code
            """;
    static final RowMapper<Directive> MAPPER = (rs, n) -> new Directive(rs.getLong("id"), rs.getString("issuer_code"),
            rs.getString("issuer_name"), (Long) rs.getObject("parent_id"), rs.getString("title"), rs.getString("body"),
            rs.getObject("deadline", OffsetDateTime.class).toInstant(), rs.getBoolean("feedback_required"), rs.getString("issued_by"),
            rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getLong("recipients"), rs.getString("attachment"));

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    Directives(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** Issues a directive from the caller's scope node; answers it with the number of units it reached. */
    @Transactional
    public Directive issue(DirectiveForm form, Actor actor) {
        requireIssuer(actor);
        return create(jurisdictions.nodeOrScope(actor.scopeCode(), actor), null, form, actor);
    }

    /** Forwards a directive the caller's unit received to its own subtree, with its additions. */
    @Transactional
    public Directive forward(long receivedId, DirectiveForm form, Actor actor) {
        requireIssuer(actor);
        Received r = received(receivedId, actor);
        Directive d = r.directive();
        String body = form.body() == null || form.body().isBlank() ? d.body()
                : d.body() + "\n\n【" + jurisdictions.nodeOrScope(actor.scopeCode(), actor).name() + "补充】" + form.body().strip();
        OffsetDateTime deadline = form.deadline() != null ? form.deadline()
                : OffsetDateTime.ofInstant(d.deadline(), ShanghaiTime.ZONE);
        DirectiveForm forwarded = new DirectiveForm(form.title() == null || form.title().isBlank() ? d.title() : form.title(), body,
                deadline, form.feedbackRequired() == null ? d.feedbackRequired() : form.feedbackRequired(), form.levels(), form.units());
        return create(jurisdictions.nodeOrScope(actor.scopeCode(), actor), d.id(), forwarded, actor);
    }

    private Directive create(Jurisdiction issuer, Long parent, DirectiveForm form, Actor actor) {
        String title = text(form.title(), 200, "title");
        String body = text(form.body(), 20_000, "body");
        Instant now = clock.instant();
        if (form.deadline() == null || !form.deadline().toInstant().isAfter(now)
                || form.deadline().toInstant().isAfter(now.plus(Duration.ofDays(365)))) {
            throw new FieldException("deadline", "validation.directive.deadline");
        }
        Set<String> levels = new LinkedHashSet<>();
        for (String l : form.levels() == null ? List.<String>of() : form.levels()) {
            Level level;
            try {
                level = Level.valueOf(l == null ? "" : l.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FieldException("levels", "validation.directive.levels");
            }
            if (level == Level.GRID || level.ordinal() <= issuer.level().ordinal()) {
                throw new FieldException("levels", "validation.directive.levels");
            }
            levels.add(level.name());
        }
        List<String> units = new ArrayList<>();
        for (String u : form.units() == null ? List.<String>of() : form.units()) {
            Jurisdiction j = jurisdictions.find(u == null ? "" : u.strip(), issuer.path())
                    .filter(x -> !x.code().equals(issuer.code()) && x.level() != Level.GRID)
                    .orElseThrow(() -> new FieldException("units", "validation.directive.units"));
            units.add(j.code());
        }
        if (levels.isEmpty() && units.isEmpty()) {
            throw new FieldException("levels", "validation.directive.noRecipients");
        }
        long id = jdbc.sql("""
                        insert into directive (issuer_code, parent_id, title, body, deadline, feedback_required, issued_by)
                        values (:i, :p, :t, :b, :d, :f, :by) returning id
                        """).param("i", issuer.code()).param("p", parent).param("t", title).param("b", body)
                .param("d", form.deadline()).param("f", !Boolean.FALSE.equals(form.feedbackRequired())).param("by", actor.username())
                .query(Long.class).single();
        // every unit of the chosen levels below the issuer, and the chosen nodes: one statement over the tree
        int delivered = jdbc.sql("""
                        insert into directive_recipient (directive_id, unit_code)
                        select :d, code from jurisdiction
                        where (path <@ cast(:path as ltree) and level = any(cast(:levels as text[])) and code <> :issuer)
                           or code = any(cast(:units as text[]))
                        on conflict do nothing
                        """).param("d", id).param("path", issuer.path()).param("levels", levels.toArray(String[]::new))
                .param("issuer", issuer.code()).param("units", units.toArray(String[]::new)).update();
        Set<Integer> lengths = new LinkedHashSet<>();
        levels.forEach(l -> lengths.add(DirectiveProgress.lengthOf(Level.valueOf(l))));
        units.forEach(u -> lengths.add(u.length()));
        jdbc.sql("update directive set recipients = :n, unit_levels = cast(:l as int[]) where id = :id").param("n", delivered)
                .param("l", lengths.toArray(Integer[]::new)).param("id", id).update();
        return find(id, actor);
    }

    /** A directive the caller's area issued or received (a unit of it is a recipient); 404 otherwise. */
    @Transactional(readOnly = true)
    public Directive find(long id, Actor actor) {
        return jdbc.sql(SELECT + """
                         where d.id = :id and (j.path <@ cast(:scope as ltree)
                           or exists (select 1 from directive_recipient r
                                      where r.directive_id = d.id and r.unit_code >= :lo and r.unit_code < :hi))
                        """).param("id", id).param("scope", actor.scopePath()).param("lo", actor.scopeCode())
                .param("hi", DivisionCodes.after(actor.scopeCode())).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("directive"));
    }

    /** The caller's unit's copy of a directive (the unit is the caller's scope node). */
    @Transactional(readOnly = true)
    public Received received(long id, Actor actor) {
        Directive d = find(id, actor);
        return jdbc.sql("select * from directive_recipient where directive_id = :d and unit_code = :u").param("d", id)
                .param("u", actor.scopeCode()).query((rs, n) -> received(d, rs)).optional()
                .orElseThrow(() -> new NotFoundException("directive"));
    }

    private Received received(Directive d, ResultSet rs) throws SQLException {
        Instant done = instant(rs.getObject("done_at", OffsetDateTime.class));
        return new Received(d, rs.getString("unit_code"), instant(rs.getObject("signed_at", OffsetDateTime.class)), rs.getString("signed_by"),
                done, rs.getString("done_by"), rs.getString("feedback"), instant(rs.getObject("reminded_at", OffsetDateTime.class)),
                done == null && clock.instant().isAfter(d.deadline()));
    }

    /** 签收: the caller's unit signs for it (once; again is harmless). */
    @Transactional
    public Received sign(long id, Actor actor) {
        received(id, actor);
        jdbc.sql("""
                        update directive_recipient set signed_at = now(), signed_by = :by
                        where directive_id = :d and unit_code = :u and signed_at is null
                        """).param("d", id).param("u", actor.scopeCode()).param("by", actor.username()).update();
        return received(id, actor);
    }

    /** 反馈: the caller's unit reports completion (signing for it too if it had not); once. */
    @Transactional
    public Received complete(long id, String feedback, Actor actor) {
        Received r = received(id, actor);
        String text = feedback == null ? "" : feedback.strip();
        if ((r.directive().feedbackRequired() && text.isEmpty()) || text.length() > 5000) {
            throw new FieldException("feedback", "validation.directive.feedback");
        }
        int n = jdbc.sql("""
                        update directive_recipient set signed_at = coalesce(signed_at, now()), signed_by = coalesce(signed_by, :by),
                                                       done_at = now(), done_by = :by, feedback = :f
                        where directive_id = :d and unit_code = :u and done_at is null
                        """).param("d", id).param("u", actor.scopeCode()).param("by", actor.username()).param("f", text).update();
        if (n == 0) {
            throw new ConflictException("feedback", "validation.directive.done");
        }
        return received(id, actor);
    }

    /** The caller's unit's directives, open ones first (overdue first), then the done, newest first. */
    @Transactional(readOnly = true)
    public List<Received> inbox(Actor actor, boolean openOnly) {
        return jdbc.sql("""
                        select d.*, j.name as issuer_name, r.unit_code, r.signed_at, r.signed_by, r.done_at, r.done_by, r.feedback,
                               r.reminded_at,
                               (select filename from directive_attachment a where a.directive_id = d.id) as attachment
                        from directive_recipient r join directive d on d.id = r.directive_id join jurisdiction j on j.code = d.issuer_code
                        where r.unit_code = :u
                        """ + (openOnly ? " and r.done_at is null" : "") + """
                         order by r.done_at is not null, d.deadline, d.id desc limit 200
                        """).param("u", actor.scopeCode())
                .query((rs, n) -> received(MAPPER.mapRow(rs, n), rs)).list();
    }

    /** The directives the caller's node issued, newest first. */
    @Transactional(readOnly = true)
    public List<Directive> issued(Actor actor) {
        return jdbc.sql(SELECT + " where d.issuer_code = :c order by d.issued_at desc limit 200").param("c", actor.scopeCode())
                .query(MAPPER).list();
    }

    /** 催办: marks the overdue units of a directive (and its forwards) reminded; answers how many. */
    @Transactional
    public int remind(long id, Actor actor) {
        Directive d = find(id, actor);
        requireIssuer(actor);
        if (!d.issuerCode().equals(actor.scopeCode())) {
            throw new AccessDeniedException("the issuer reminds");
        }
        return jdbc.sql("""
                        with recursive tree as (select id from directive where id = :d
                                                union all select c.id from directive c join tree on c.parent_id = tree.id)
                        update directive_recipient r set reminded_at = now()
                        from directive x where x.id = r.directive_id and r.directive_id in (select id from tree)
                          and r.done_at is null and x.deadline < now()
                        """).param("d", id).update();
    }

    @Transactional
    public void attach(long id, String filename, byte[] pdf, Actor actor) {
        Directive d = find(id, actor);
        if (!d.issuerCode().equals(actor.scopeCode())) {
            throw new AccessDeniedException("the issuer attaches");
        }
        if (pdf.length == 0 || pdf.length > MAX_ATTACHMENT || !new String(pdf, 0, Math.min(5, pdf.length)).equals("%PDF-")) {
            throw new FieldException("file", "validation.directive.attachment");
        }
        jdbc.sql("""
                        insert into directive_attachment (directive_id, filename, content, size) values (:d, :f, :c, :s)
                        on conflict (directive_id) do update set filename = excluded.filename, content = excluded.content, size = excluded.size
                        """).param("d", id).param("f", filename == null || filename.isBlank() ? "attachment.pdf" : filename.strip())
                .param("c", pdf).param("s", pdf.length).update();
    }

    /** The caller's unit attaches a PDF to its answer (before or after answering; a second replaces the first). */
    @Transactional
    public void attachFeedback(long id, String filename, byte[] pdf, Actor actor) {
        received(id, actor);
        if (pdf.length == 0 || pdf.length > MAX_ATTACHMENT || !new String(pdf, 0, Math.min(5, pdf.length)).equals("%PDF-")) {
            throw new FieldException("file", "validation.directive.attachment");
        }
        jdbc.sql("update directive_recipient set feedback_file = :c, feedback_filename = :f where directive_id = :d and unit_code = :u")
                .param("c", pdf).param("f", filename == null || filename.isBlank() ? "feedback.pdf" : filename.strip())
                .param("d", id).param("u", actor.scopeCode()).update();
    }

    /** A unit's answer file, for the unit and the areas above it that see the directive. */
    @Transactional(readOnly = true)
    public byte[] feedbackFile(long id, String unit, Actor actor) {
        find(id, actor);
        if (unit == null || !unit.startsWith(actor.scopeCode())) {
            throw new NotFoundException("attachment");
        }
        return jdbc.sql("select feedback_file from directive_recipient where directive_id = :d and unit_code = :u and feedback_file is not null")
                .param("d", id).param("u", unit).query(byte[].class).optional().orElseThrow(() -> new NotFoundException("attachment"));
    }

    @Transactional(readOnly = true)
    public byte[] attachment(long id, Actor actor) {
        find(id, actor);
        return jdbc.sql("select content from directive_attachment where directive_id = :d").param("d", id).query(byte[].class)
                .optional().orElseThrow(() -> new NotFoundException("attachment"));
    }

    public static final int MAX_ATTACHMENT = 5 * 1024 * 1024;

    static void requireIssuer(Actor actor) {
        if (!actor.is(Role.COMMANDER) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("commanders and officers issue directives");
        }
    }

    private static String text(String value, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new FieldException(field, "validation.directive.text", max);
        }
        return v;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
