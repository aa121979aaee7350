package org.fangkong.livelihood;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
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
 * Supply points (生活保障点) registered by officers under a village or community of their scope;
 * the village's grid workers and officers set each category's status in one tap; anyone reads a
 * village's or township's open points on the public page (names, places and status are public).
 */
@Service
public class SupplyPoints {

    /** A point as registered; {@code kind} and {@code categories} by name. */
    public record PointForm(String jurisdiction, String name, String kind, String address, String hours, List<String> categories) {
    }

    /** A node's points: how many, how many with a category out of stock, and per child. */
    public record Counts(String code, String name, long points, long withShortage) {
    }

    private static final String SELECT = """
            select p.*, j.name as jurisdiction_name,
                   (select array_agg(s.category || ':' || s.status) from supply_point_status s where s.point_id = p.id) as statuses,
                   (select max(s.updated_at) from supply_point_status s where s.point_id = p.id) as updated_at
            from supply_point p join jurisdiction j on j.code = p.jurisdiction_code
            """;
    private static final RowMapper<SupplyPoint> MAPPER = (rs, n) -> {
        List<String> statuses = strings(rs.getArray("statuses"));
        List<SupplyPoint.CategoryStatus> categories = new ArrayList<>();
        for (String c : strings(rs.getArray("categories"))) {
            SupplyPoint.Status status = statuses.stream().filter(s -> s.startsWith(c + ":")).findFirst()
                    .map(s -> SupplyPoint.Status.valueOf(s.substring(c.length() + 1))).orElse(null);
            categories.add(new SupplyPoint.CategoryStatus(SupplyPoint.Category.valueOf(c), status));
        }
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new SupplyPoint(rs.getLong("id"), rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
                rs.getString("name"), SupplyPoint.Kind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getString("hours"),
                categories, updated == null ? null : updated.toInstant());
    };

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    SupplyPoints(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    @Transactional
    public SupplyPoint register(PointForm form, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers register supply points");
        }
        Jurisdiction place = jurisdictions.find(form.jurisdiction() == null ? "" : form.jurisdiction().strip(), actor.scopePath())
                .filter(j -> j.level() == Level.VILLAGE)
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.supplyPoint.place"));
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new FieldException("name", "validation.supplyPoint.name");
        }
        SupplyPoint.Kind kind = parse(SupplyPoint.Kind.class, form.kind(), "kind");
        Set<String> categories = new LinkedHashSet<>();
        for (String c : form.categories() == null ? List.<String>of() : form.categories()) {
            categories.add(parse(SupplyPoint.Category.class, c, "categories").name());
        }
        if (categories.isEmpty()) {
            throw new FieldException("categories", "validation.supplyPoint.categories");
        }
        long id = jdbc.sql("""
                        insert into supply_point (jurisdiction_code, name, kind, address, hours, categories, created_by)
                        values (:j, :name, :kind, :address, :hours, cast(:cats as text[]), :by) returning id
                        """).param("j", place.code()).param("name", name).param("kind", kind.name())
                .param("address", text(form.address(), 200, "address")).param("hours", text(form.hours(), 100, "hours"))
                .param("cats", categories.toArray(String[]::new)).param("by", actor.username()).query(Long.class).single();
        return find(id, actor);
    }

    /** One tap: a category of a point of the caller's area is ample, tight or out. */
    @Transactional
    public SupplyPoint setStatus(long pointId, String category, String status, Actor actor) {
        SupplyPoint p = find(pointId, actor);
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the village's staff set the status");
        }
        SupplyPoint.Category c = parse(SupplyPoint.Category.class, category, "category");
        if (p.categories().stream().noneMatch(x -> x.category() == c)) {
            throw new FieldException("category", "validation.supplyPoint.notSold");
        }
        SupplyPoint.Status s = parse(SupplyPoint.Status.class, status, "status");
        jdbc.sql("""
                        insert into supply_point_status (point_id, category, status, updated_by) values (:p, :c, :s, :by)
                        on conflict (point_id, category) do update set status = excluded.status, updated_by = excluded.updated_by,
                                                                      updated_at = now()
                        """).param("p", pointId).param("c", c.name()).param("s", s.name()).param("by", actor.username()).update();
        return find(pointId, actor);
    }

    @Transactional(readOnly = true)
    public SupplyPoint find(long id, Actor actor) {
        requireStaff(actor);
        return jdbc.sql(SELECT + " where p.id = :id and j.path <@ cast(:scope as ltree)").param("id", id)
                .param("scope", actor.scopePath()).query(MAPPER).optional().orElseThrow(() -> new NotFoundException("supplyPoint"));
    }

    /** The open points below a node of the caller's scope, by place and name. */
    @Transactional(readOnly = true)
    public List<SupplyPoint> list(String code, Actor actor) {
        requireStaff(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return below(node, 500);
    }

    /** The open points of a village or township for the public page (anyone: names, places and status only). */
    @Transactional(readOnly = true)
    public List<SupplyPoint> publicList(Jurisdiction node) {
        return below(node, 200);
    }

    private List<SupplyPoint> below(Jurisdiction node, int limit) {
        return jdbc.sql(SELECT + """
                         where p.jurisdiction_code >= :lo and p.jurisdiction_code < :hi and p.closed_at is null
                        order by p.jurisdiction_code, p.name, p.id limit :limit
                        """).param("lo", node.code()).param("hi", DivisionCodes.after(node.code())).param("limit", limit)
                .query(MAPPER).list();
    }

    /** The node's open points and those with a category out, with each child's (one range, grouped by prefix). */
    @Transactional(readOnly = true)
    public List<Counts> counts(String code, Actor actor) {
        requireStaff(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        List<Jurisdiction> children = node.level() == Level.VILLAGE ? List.of() : jurisdictions.children(node.code(), actor.scopePath());
        int childLength = children.stream().mapToInt(c -> c.code().length()).min().orElse(node.code().length());
        record Row(String child, long points, long out) {
        }
        List<Row> rows = jdbc.sql("""
                        select case when grouping(child) = 1 then null else child end as child, count(*) as points,
                               count(*) filter (where short) as out
                        from (select left(p.jurisdiction_code, :len) as child,
                                     exists (select 1 from supply_point_status s where s.point_id = p.id and s.status = 'OUT') as short
                              from supply_point p where p.jurisdiction_code >= :lo and p.jurisdiction_code < :hi and p.closed_at is null) x
                        group by grouping sets ((child), ())
                        """).param("len", childLength).param("lo", node.code()).param("hi", DivisionCodes.after(node.code()))
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<Counts> out = new ArrayList<>();
        Row total = rows.stream().filter(r -> r.child() == null).findFirst().orElse(new Row(null, 0, 0));
        out.add(new Counts(node.code(), node.name(), total.points(), total.out()));
        for (Jurisdiction c : children) {
            Row r = rows.stream().filter(x -> c.code().equals(x.child())).findFirst().orElse(new Row(c.code(), 0, 0));
            out.add(new Counts(c.code(), c.name(), r.points(), r.out()));
        }
        return out;
    }

    /** Grid workers, officers, commanders and admins read the points of their area. */
    static void requireStaff(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the area's staff read supply points");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, "validation.supplyPoint.choice");
        }
    }

    private static String text(String value, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new FieldException(field, "validation.supplyPoint.tooLong", max);
        }
        return v;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
