package org.fangkong.command;

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

    public record View(Directive directive, Jurisdiction node, Level level, List<Level> levels, Figures total, List<Figures> children) {
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
        // the directive and its forwards, at any depth; the levels their units are at
        String tree = """
                with recursive tree as (select id from directive where id = :d
                                        union all select c.id from directive c join tree on c.parent_id = tree.id)
                """;
        List<Level> levels = jdbc.sql(tree + """
                        select distinct length(r.unit_code) from directive_recipient r
                        where r.directive_id in (select id from tree) and r.unit_code >= :lo and r.unit_code < :hi
                        """).param("d", id).param("lo", node.code()).param("hi", DivisionCodes.after(node.code()))
                .query(Integer.class).list().stream().map(DirectiveProgress::levelOf).sorted().toList();
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
        List<Jurisdiction> children = node.level().ordinal() + 1 >= at.ordinal() ? List.of()
                : jurisdictions.children(node.code(), actor.scopePath());
        int childLength = children.stream().mapToInt(c -> c.code().length()).min().orElse(node.code().length());
        record Row(String child, long units, long signed, long done, long overdue) {
        }
        List<Row> rows = jdbc.sql(tree + """
                        select case when grouping(child) = 1 then null else child end as child, count(*) as units,
                               count(*) filter (where signed) as signed, count(*) filter (where done) as done,
                               count(*) filter (where overdue) as overdue
                        from (select distinct on (r.unit_code) left(r.unit_code, :len) as child, r.signed_at is not null as signed,
                                     r.done_at is not null as done, r.done_at is null and x.deadline < now() as overdue
                              from directive_recipient r join directive x on x.id = r.directive_id
                              where r.directive_id in (select id from tree) and r.unit_code >= :lo and r.unit_code < :hi
                                and length(r.unit_code) = :unit
                              order by r.unit_code, r.done_at is null, r.signed_at is null) u
                        group by grouping sets ((child), ())
                        """).param("d", id).param("len", childLength).param("lo", node.code())
                .param("hi", DivisionCodes.after(node.code())).param("unit", lengthOf(at))
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
        Row t = rows.stream().filter(r -> r.child() == null).findFirst().orElse(new Row(null, 0, 0, 0, 0));
        List<Figures> byChild = new ArrayList<>();
        for (Jurisdiction c : children) {
            Row r = rows.stream().filter(x -> c.code().equals(x.child())).findFirst().orElse(new Row(c.code(), 0, 0, 0, 0));
            byChild.add(new Figures(c.code(), c.name(), r.units(), r.signed(), r.done(), r.overdue()));
        }
        return new View(d, node, at, levels, new Figures(node.code(), node.name(), t.units(), t.signed(), t.done(), t.overdue()),
                byChild);
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
