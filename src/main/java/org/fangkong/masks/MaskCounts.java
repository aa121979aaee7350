package org.fangkong.masks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rounds and points of the caller's area stand at: masks allotted, booked, collected and
 * left, in masks. A round counts only its points inside the caller's area; a point counts the
 * rounds whose pickup days are not over or ended in the last {@value #RECENT_DAYS} days (so that
 * their no-shows, released after the pickup days, still show).
 */
@Service
public class MaskCounts {

    static final int RECENT_DAYS = 14;

    /** A round as its area sees it. */
    public record RoundCounts(MaskRound round, String scopeName, int points, int quantity, int booked, int collected) {

        public int left() {
            return quantity - booked;
        }
    }

    /**
     * A point's recent rounds together; {@code uncollected} are booked and not yet handed over,
     * {@code noShow} were booked and not collected by the end of the pickup days (back in stock).
     */
    public record PointCounts(PickupPoint point, int quantity, int booked, int collected, int noShow) {

        public int left() {
            return quantity - booked;
        }

        public int uncollected() {
            return booked - collected;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MaskCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest 50 rounds with a point in the caller's area, newest first. */
    @Transactional(readOnly = true)
    public List<RoundCounts> rounds(Actor actor) {
        return jdbc.sql("""
                        select r.id, r.scope_code, r.name, r.mode, r.quota, r.period_days, r.opens_at, r.closes_at,
                               r.pickup_from, r.pickup_to, r.draw_salt, sj.name as scope_name, count(*) as points,
                               sum(m.quantity) as quantity, sum(m.booked) as booked, sum(m.collected) as collected
                        from mask_round r join jurisdiction sj on sj.code = r.scope_code
                        join mask_round_point m on m.round_id = r.id
                        join pickup_point p on p.id = m.point_id join jurisdiction pj on pj.code = p.jurisdiction_code
                        where pj.path <@ cast(:scope as ltree)""" + PickupPoints.OWN_POINT + """
                        group by r.id, sj.name
                        order by r.opens_at desc, r.id desc limit 50
                        """)
                .param("scope", actor.scopePath()).param("staff", PickupPoints.staff(actor))
                .query((rs, n) -> new RoundCounts(MaskRounds.MAPPER.mapRow(rs, n), rs.getString("scope_name"), rs.getInt("points"),
                        rs.getInt("quantity"), rs.getInt("booked"), rs.getInt("collected")))
                .list();
    }

    /** Every point of the caller's area (or one), with its rounds whose pickup days are not over. */
    @Transactional(readOnly = true)
    public List<PointCounts> points(Long pointId, Actor actor) {
        LocalDate today = ShanghaiTime.today(clock);
        return jdbc.sql("""
                        select p.id, p.jurisdiction_code, j.name as jurisdiction_name, p.name, p.kind, p.address, p.hours,
                               coalesce(sum(m.quantity), 0) as quantity, coalesce(sum(m.booked), 0) as booked,
                               coalesce(sum(m.collected), 0) as collected, coalesce(sum(m.no_show), 0) as no_show
                        from pickup_point p join jurisdiction j on j.code = p.jurisdiction_code
                        left join mask_round_point m on m.point_id = p.id
                             and exists (select 1 from mask_round r where r.id = m.round_id and r.pickup_to >= :since)
                        where j.path <@ cast(:scope as ltree) and (cast(:p as bigint) is null or p.id = :p)""" + PickupPoints.OWN_POINT + """
                        group by p.id, j.name
                        order by p.jurisdiction_code, p.name, p.id
                        limit 500
                        """)
                .param("since", today.minusDays(RECENT_DAYS)).param("scope", actor.scopePath()).param("p", pointId).param("staff", PickupPoints.staff(actor))
                .query((rs, n) -> new PointCounts(new PickupPoint(rs.getLong("id"), rs.getString("jurisdiction_code"),
                        rs.getString("jurisdiction_name"), rs.getString("name"), PickupPoint.Kind.valueOf(rs.getString("kind")),
                        rs.getString("address"), rs.getString("hours")), rs.getInt("quantity"), rs.getInt("booked"),
                        rs.getInt("collected"), rs.getInt("no_show")))
                .list();
    }
}
