package org.fangkong.command;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a directive stands (落实情况): for a node and a level, the units of that level below each child
 * that received it (directly or by a forward, at any depth), signed, done and overdue. The issuer sees
 * its whole subtree down to the villages; a unit's staff see their own part.
 */
@Service
public class DirectiveProgress {

    /** A node's or child's units at the level asked. */
    public record Figures(String code, String name, long units, long signed, long done, long overdue) {
    }

    public record View(Directive directive, Jurisdiction node, Level level, List<Level> levels, Figures total, List<Figures> children,
                       List<Answer> answers) {
    }

    /** A unit's answer, as the issuer reads it. */
    public record Answer(String unitCode, String unitName, String feedback, String doneBy, Instant doneAt, String file) {
    }

    private final JdbcClient jdbc;
    private final Directives directives;
    private final Jurisdictions jurisdictions;

    DirectiveProgress(JdbcClient jdbc, Directives directives, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.directives = directives;
        this.jurisdictions = jurisdictions;
    }

    @Transactional(readOnly = true)
    public View of(long id, String code, String level, Actor actor) {
        Directive d = directives.find(id, actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        // the directive and its forwards, at any depth, with the levels their units are at and whether they are overdue
        record Part(long id, boolean overdue, List<Integer> lengths) {
        }
        List<Part> parts = jdbc.sql("""
                        with recursive tree as (select id from directive where id = :d
                                                union all select c.id from directive c join tree on c.parent_id = tree.id)
                        select x.id, x.deadline < now() as overdue, x.unit_levels from directive x where x.id in (select id from tree)
                        """).param("d", id).query((rs, n) -> new Part(rs.getLong(1), rs.getBoolean(2),
                        List.of((Integer[]) rs.getArray(3).getArray()))).list();
        List<Level> levels = parts.stream().flatMap(p -> p.lengths().stream()).distinct().map(DirectiveProgress::levelOf)
                .filter(l -> l.ordinal() > node.level().ordinal() || l == node.level()).sorted().toList();
        Level at;
        if (level == null || level.isBlank()) {
            at = levels.isEmpty() ? Level.VILLAGE : levels.get(levels.size() - 1);
        } else {
            try {
                at = Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FieldException("level", "validation.directive.levels");
            }
        }
        int unitLength = lengthOf(at);
        List<Part> at0 = parts.stream().filter(p -> p.lengths().contains(unitLength)).toList();
        List<Jurisdiction> children = node.level().ordinal() + 1 >= at.ordinal() ? List.of()
                : jurisdictions.children(node.code(), actor.scopePath());
        int childLength = children.stream().mapToInt(c -> c.code().length()).min().orElse(node.code().length());
        record Row(String child, long units, long signed, long done, long overdue) {
        }
        // one directive at that level (the usual case): a plain range read grouped by prefix; several (a unit
        // that got both a directive and its forward): each unit once, counted as its furthest copy
        String units = at0.size() <= 1 ? """
                select r.unit_code, r.signed_at is not null as signed, r.done_at is not null as done,
                       r.done_at is null and r.directive_id = any(:late) as overdue
                from directive_recipient r
                where r.directive_id = any(:ids) and r.unit_code >= :lo and r.unit_code < :hi and length(r.unit_code) = :unit
                """ : """
                select distinct on (r.unit_code) r.unit_code, r.signed_at is not null as signed, r.done_at is not null as done,
                       r.done_at is null and r.directive_id = any(:late) as overdue
                from directive_recipient r
                where r.directive_id = any(:ids) and r.unit_code >= :lo and r.unit_code < :hi and length(r.unit_code) = :unit
                order by r.unit_code, r.done_at is null, r.signed_at is null
                """;
        List<Row> rows = jdbc.sql("select case when grouping(child) = 1 then null else child end as child, count(*) as units,"
                        + " count(*) filter (where signed) as signed, count(*) filter (where done) as done,"
                        + " count(*) filter (where overdue) as overdue from (select left(u.unit_code, :len) as child, u.signed, u.done,"
                        + " u.overdue from (" + units + ") u) x group by grouping sets ((child), ())")
                .param("ids", at0.stream().map(Part::id).toArray(Long[]::new))
                .param("late", at0.stream().filter(Part::overdue).map(Part::id).toArray(Long[]::new))
                .param("len", childLength).param("lo", node.code()).param("hi", DivisionCodes.after(node.code())).param("unit", unitLength)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
        Row t = rows.stream().filter(r -> r.child() == null).findFirst().orElse(new Row(null, 0, 0, 0, 0));
        List<Figures> byChild = new ArrayList<>();
        for (Jurisdiction c : children) {
            Row r = rows.stream().filter(x -> c.code().equals(x.child())).findFirst().orElse(new Row(c.code(), 0, 0, 0, 0));
            byChild.add(new Figures(c.code(), c.name(), r.units(), r.signed(), r.done(), r.overdue()));
        }
        // the answers below the node at that level, latest first (the page shows the first 200)
        List<Answer> answers = jdbc.sql("""
                        select r.unit_code, j.name, r.feedback, r.done_by, r.done_at, r.feedback_filename from directive_recipient r
                        join jurisdiction j on j.code = r.unit_code
                        where r.directive_id = any(:ids) and r.unit_code >= :lo and r.unit_code < :hi and length(r.unit_code) = :unit
                          and r.done_at is not null
                        order by r.done_at desc limit 200
                        """).param("ids", at0.stream().map(Part::id).toArray(Long[]::new)).param("lo", node.code())
                .param("hi", DivisionCodes.after(node.code())).param("unit", unitLength)
                .query((rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6))).list();
        return new View(d, node, at, levels, new Figures(node.code(), node.name(), t.units(), t.signed(), t.done(), t.overdue()),
                byChild, answers);
    }

    static int lengthOf(Level level) {
        return switch (level) {
            case PROVINCE -> 2;
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            default -> 12;
        };
    }

    static Level levelOf(int length) {
        return switch (length) {
            case 2 -> Level.PROVINCE;
            case 4 -> Level.CITY;
            case 6 -> Level.COUNTY;
            case 9 -> Level.TOWNSHIP;
            default -> Level.VILLAGE;
        };
    }
}
