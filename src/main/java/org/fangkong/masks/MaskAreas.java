package org.fangkong.masks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Crumb;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Masks per area (口罩发放情况): a node and each of its children with their pickup points and the
 * masks of their rounds open on a day or ended in the {@value MaskCounts#RECENT_DAYS} days before:
 * allotted, booked, collected, no-shows, left. One query, grouped by child.
 */
@Service
public class MaskAreas {

    /** An area's points and masks. */
    public record Area(String code, String name, long points, long quantity, long booked, long collected, long noShow) {

        public long left() {
            return quantity - booked;
        }

        public long uncollected() {
            return booked - collected;
        }
    }

    /** The node, its children (every child, with or without points) and the way up. */
    public record View(Jurisdiction node, LocalDate day, Area total, List<Area> children, List<Crumb> crumbs) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    MaskAreas(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View of(String code, LocalDate day, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate d = day == null ? ShanghaiTime.today(clock) : day;
        Map<String, Area> byChild = new HashMap<>();
        Area[] total = {new Area(node.code(), node.name(), 0, 0, 0, 0, 0)};
        sums(node, d, true).forEach(a -> {
            if (a.code() == null) {
                total[0] = new Area(node.code(), node.name(), a.points(), a.quantity(), a.booked(), a.collected(), a.noShow());
            } else {
                byChild.put(a.code(), a);
            }
        });
        List<Area> children = jurisdictions.children(node.code(), actor.scopePath()).stream().map(c -> {
            Area a = byChild.get(c.code());
            return a == null ? new Area(c.code(), c.name(), 0, 0, 0, 0, 0)
                    : new Area(c.code(), c.name(), a.points(), a.quantity(), a.booked(), a.collected(), a.noShow());
        }).toList();
        return new View(node, d, total[0], children, jurisdictions.breadcrumbs(node.code(), actor.scopePath()));
    }

    /** The node's own figures only (the dashboard's line): one grouped query, no children, no breadcrumbs. */
    @Transactional(readOnly = true)
    public Area total(String code, LocalDate day, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        Area a = sums(node, day == null ? ShanghaiTime.today(clock) : day, false).get(0);
        return new Area(node.code(), node.name(), a.points(), a.quantity(), a.booked(), a.collected(), a.noShow());
    }

    /**
     * The sums below a node: the total (code null) and, with {@code byChild}, one row per child
     * holding points (code = the child's code).
     */
    private List<Area> sums(Jurisdiction node, LocalDate d, boolean byChild) {
        int depth = node.path().split("\\.").length;
        return jdbc.sql("""
                        with rp as (
                            select m.point_id, sum(m.quantity) as q, sum(m.booked) as b, sum(m.collected) as c, sum(m.no_show) as ns
                            from mask_round_point m join mask_round r on r.id = m.round_id
                            where r.opens_at < :dayEnd and r.pickup_to >= :since
                            group by m.point_id
                        ), x as (
                            select case when :byChild and nlevel(j.path) > :depth then subpath(j.path, :depth, 1)::text end as child,
                                   p.id, rp.q, rp.b, rp.c, rp.ns
                            from pickup_point p join jurisdiction j on j.code = p.jurisdiction_code
                            left join rp on rp.point_id = p.id
                            where j.path <@ cast(:node as ltree)
                        )
                        select case when grouping(child) = 1 then null else child end as code, count(id) as points,
                               coalesce(sum(q), 0) as q, coalesce(sum(b), 0) as b, coalesce(sum(c), 0) as c,
                               coalesce(sum(ns), 0) as ns
                        from x group by grouping sets ((child), ())
                        having grouping(child) = 1 or child is not null
                        """)
                .param("node", node.path()).param("depth", depth).param("byChild", byChild)
                .param("since", d.minusDays(MaskCounts.RECENT_DAYS))
                .param("dayEnd", Timestamp.from(ShanghaiTime.startOf(d.plusDays(1))))
                .query((rs, n) -> new Area(rs.getString("code"), null, rs.getLong("points"), rs.getLong("q"), rs.getLong("b"),
                        rs.getLong("c"), rs.getLong("ns")))
                .list();
    }
}
