package org.fangkong.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision (督导检查): an inspector of a level above records a visit to a unit of its subtree
 * (announced or unannounced, 暗访), with findings against a checklist and a rectification deadline;
 * the unit's staff respond; the inspector (or its level) closes a finding or reopens it. Open
 * findings per node, overdue ones flagged.
 */
@Service
public class Supervision {

    public enum Item {
        CHECKPOINT_UNMANNED, LEDGER_NOT_CURRENT, NO_TEMPERATURE_CHECK, OBSERVATION_LAPSE, NO_DAILY_REPORT, SUPPLIES_SHORT,
        DISINFECTION, OTHER
    }

    public enum Status {
        OPEN, RESPONDED, CLOSED
    }

    public record FindingForm(String item, String detail, LocalDate dueOn) {
    }

    public record VisitForm(String unit, Boolean unannounced, OffsetDateTime visitedAt, String summary, List<FindingForm> findings) {
    }

    public record Finding(long id, long visitId, String unitCode, String unitName, Item item, String detail, LocalDate dueOn,
                          Status status, String response, String respondedBy, Instant respondedAt, String closedBy, boolean overdue,
                          int photos) {
    }

    public record Visit(long id, String unitCode, String unitName, boolean unannounced, Instant visitedAt, String inspector,
                        String summary, List<Finding> findings) {
    }

    /** A node's and each child's open findings (responded or not) and the overdue ones. */
    public record OpenCount(String code, String name, long open, long overdue) {
    }

    private static final String FINDINGS = """
            select f.*, j.name as unit_name, (select count(*) from supervision_photo p where p.finding_id = f.id) as photos
            from supervision_finding f join jurisdiction j on j.code = f.unit_code
            """;

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    Supervision(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    public Visit record(VisitForm form, Actor actor) {
        Directives.requireIssuer(actor);
        Jurisdiction unit = jurisdictions.find(form.unit() == null ? "" : form.unit().strip(), actor.scopePath())
                .filter(j -> !j.code().equals(actor.scopeCode()))
                .orElseThrow(() -> new FieldException("unit", "validation.supervision.unit"));
        Instant now = clock.instant();
        Instant at = form.visitedAt() == null ? now : form.visitedAt().toInstant();
        if (at.isAfter(now.plusSeconds(300)) || at.isBefore(now.minusSeconds(30L * 86_400))) {
            throw new FieldException("visitedAt", "validation.supervision.visitedAt");
        }
        String summary = form.summary() == null ? "" : form.summary().strip();
        if (summary.length() > 2000) {
            throw new FieldException("summary", "validation.supervision.text");
        }
        List<FindingForm> findings = form.findings() == null ? List.of() : form.findings();
        LocalDate today = ShanghaiTime.today(clock);
        for (int i = 0; i < findings.size(); i++) {
            FindingForm f = findings.get(i);
            parse(f.item(), "findings[" + i + "].item");
            if (f.detail() == null || f.detail().isBlank() || f.detail().strip().length() > 1000) {
                throw new FieldException("findings[" + i + "].detail", "validation.supervision.text");
            }
            if (f.dueOn() == null || f.dueOn().isBefore(today) || f.dueOn().isAfter(today.plusDays(90))) {
                throw new FieldException("findings[" + i + "].dueOn", "validation.supervision.dueOn");
            }
        }
        long id = jdbc.sql("""
                        insert into supervision_visit (unit_code, unannounced, visited_at, inspector, summary)
                        values (:u, :un, :at, :by, :s) returning id
                        """).param("u", unit.code()).param("un", Boolean.TRUE.equals(form.unannounced()))
                .param("at", OffsetDateTime.ofInstant(at, ShanghaiTime.ZONE)).param("by", actor.username()).param("s", summary)
                .query(Long.class).single();
        for (FindingForm f : findings) {
            jdbc.sql("""
                            insert into supervision_finding (visit_id, unit_code, item, detail, due_on) values (:v, :u, :i, :d, :due)
                            """).param("v", id).param("u", unit.code()).param("i", parse(f.item(), "item").name())
                    .param("d", f.detail().strip()).param("due", f.dueOn()).update();
        }
        return visit(id, actor);
    }

    @Transactional(readOnly = true)
    public Visit visit(long id, Actor actor) {
        requireStaff(actor);
        Visit v = jdbc.sql("""
                        select v.*, j.name as unit_name from supervision_visit v join jurisdiction j on j.code = v.unit_code
                        where v.id = :id and j.path <@ cast(:scope as ltree)
                        """).param("id", id).param("scope", actor.scopePath())
                .query((rs, n) -> new Visit(rs.getLong("id"), rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getBoolean("unannounced"), rs.getObject("visited_at", OffsetDateTime.class).toInstant(),
                        rs.getString("inspector"), rs.getString("summary"), List.of())).optional()
                .orElseThrow(() -> new NotFoundException("visit"));
        return new Visit(v.id(), v.unitCode(), v.unitName(), v.unannounced(), v.visitedAt(), v.inspector(), v.summary(),
                jdbc.sql(FINDINGS + " where f.visit_id = :v order by f.id").param("v", id).query(finding()).list());
    }

    /** The unit responds to a finding (what it rectified); again after a reopening. */
    @Transactional
    public Finding respond(long findingId, String response, Actor actor) {
        Finding f = finding(findingId, actor);
        if (!actor.scopeCode().equals(f.unitCode())) {
            throw new AccessDeniedException("the unit responds");
        }
        String text = response == null ? "" : response.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new FieldException("response", "validation.supervision.text");
        }
        int n = jdbc.sql("""
                        update supervision_finding set status = 'RESPONDED', response = :r, responded_by = :by, responded_at = now()
                        where id = :id and status = 'OPEN'
                        """).param("id", findingId).param("r", text).param("by", actor.username()).update();
        if (n == 0) {
            throw new ConflictException("status", "validation.supervision.state");
        }
        return finding(findingId, actor);
    }

    /** The inspecting level confirms the rectification (closed) or sends it back (open again). */
    @Transactional
    public Finding confirm(long findingId, boolean accepted, Actor actor) {
        Finding f = finding(findingId, actor);
        Directives.requireIssuer(actor);
        if (actor.scopeCode().equals(f.unitCode())) {
            throw new AccessDeniedException("the level above confirms");
        }
        int n = accepted
                ? jdbc.sql("update supervision_finding set status = 'CLOSED', closed_by = :by, closed_at = now() where id = :id and status = 'RESPONDED'")
                        .param("id", findingId).param("by", actor.username()).update()
                : jdbc.sql("update supervision_finding set status = 'OPEN' where id = :id and status = 'RESPONDED'")
                        .param("id", findingId).update();
        if (n == 0) {
            throw new ConflictException("status", "validation.supervision.state");
        }
        return finding(findingId, actor);
    }

    @Transactional
    public void addPhoto(long findingId, byte[] image, Actor actor) {
        Finding f = finding(findingId, actor);
        Directives.requireIssuer(actor);
        String type = image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 ? "image/jpeg"
                : image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G' ? "image/png" : null;
        if (type == null || image.length > MAX_PHOTO || f.photos() >= 3) {
            throw new FieldException("photo", "validation.supervision.photo");
        }
        jdbc.sql("insert into supervision_photo (finding_id, content, media_type) values (:f, :c, :t)").param("f", findingId)
                .param("c", image).param("t", type).update();
    }

    public static final int MAX_PHOTO = 2 * 1024 * 1024;

    /** A finding's photo as stored, with its media type. */
    public record Photo(byte[] content, String mediaType) {
    }

    /**
     * The photo ids of each finding of a visit read through {@link #visit} (so in the caller's scope),
     * by finding, in one query; findings without photos are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> photos(Visit visit) {
        Map<Long, List<Long>> byFinding = new HashMap<>();
        jdbc.sql("""
                        select p.finding_id, p.id from supervision_photo p join supervision_finding f on f.id = p.finding_id
                        where f.visit_id = :v order by p.id
                        """).param("v", visit.id())
                .query((rs, n) -> byFinding.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return byFinding;
    }

    /** One photo, if its finding is in the caller's scope; 404 otherwise. */
    @Transactional(readOnly = true)
    public Photo photo(long photoId, Actor actor) {
        long findingId = jdbc.sql("select finding_id from supervision_photo where id = :id").param("id", photoId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("photo"));
        finding(findingId, actor);
        return jdbc.sql("select content, media_type from supervision_photo where id = :id").param("id", photoId)
                .query((rs, n) -> new Photo(rs.getBytes(1), rs.getString(2))).single();
    }

    @Transactional(readOnly = true)
    public Finding finding(long id, Actor actor) {
        requireStaff(actor);
        return jdbc.sql(FINDINGS + " where f.id = :id and j.path <@ cast(:scope as ltree)").param("id", id)
                .param("scope", actor.scopePath()).query(finding()).optional().orElseThrow(() -> new NotFoundException("finding"));
    }

    /** The findings below a node not closed, overdue first; and the node's and each child's counts. */
    @Transactional(readOnly = true)
    public List<Finding> open(String code, Actor actor) {
        requireStaff(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return jdbc.sql(FINDINGS + """
                         where f.unit_code >= :lo and f.unit_code < :hi and f.status <> 'CLOSED' order by f.due_on, f.id limit 500
                        """).param("lo", node.code()).param("hi", DivisionCodes.after(node.code())).query(finding()).list();
    }

    @Transactional(readOnly = true)
    public List<OpenCount> counts(String code, Actor actor) {
        requireStaff(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        List<Jurisdiction> children = jurisdictions.children(node.code(), actor.scopePath());
        int len = children.stream().mapToInt(c -> c.code().length()).min().orElse(node.code().length());
        Map<String, long[]> by = new HashMap<>();
        jdbc.sql("""
                        select left(unit_code, :len) as child, count(*) as open, count(*) filter (where due_on < :today) as overdue
                        from supervision_finding where unit_code >= :lo and unit_code < :hi and status <> 'CLOSED' group by 1
                        """).param("len", len).param("today", ShanghaiTime.today(clock)).param("lo", node.code())
                .param("hi", DivisionCodes.after(node.code()))
                .query(rs -> {
                    by.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<OpenCount> out = new ArrayList<>();
        out.add(new OpenCount(node.code(), node.name(), by.values().stream().mapToLong(x -> x[0]).sum(),
                by.values().stream().mapToLong(x -> x[1]).sum()));
        for (Jurisdiction c : children) {
            long[] x = by.getOrDefault(c.code(), new long[2]);
            out.add(new OpenCount(c.code(), c.name(), x[0], x[1]));
        }
        return out;
    }

    private RowMapper<Finding> finding() {
        LocalDate today = ShanghaiTime.today(clock);
        return (rs, n) -> {
            Status s = Status.valueOf(rs.getString("status"));
            LocalDate due = rs.getObject("due_on", LocalDate.class);
            OffsetDateTime responded = rs.getObject("responded_at", OffsetDateTime.class);
            return new Finding(rs.getLong("id"), rs.getLong("visit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                    Item.valueOf(rs.getString("item")), rs.getString("detail"), due, s, rs.getString("response"),
                    rs.getString("responded_by"), responded == null ? null : responded.toInstant(), rs.getString("closed_by"),
                    s != Status.CLOSED && due.isBefore(today), rs.getInt("photos"));
        };
    }

    private static Item parse(String value, String field) {
        try {
            return Item.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, "validation.supervision.item");
        }
    }

    static void requireStaff(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("staff of the area");
        }
    }
}
