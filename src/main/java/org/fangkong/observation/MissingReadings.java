package org.fangkong.observation;

import java.sql.Time;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missing readings (docs/rules.md): a half-day of an open order with no reading by its cut-off (morning
 * 12:00, evening 22:00 by default) puts the person on the list of their grid; the counts roll up
 * the tree, one row per child of the node asked for.
 */
@Service
public class MissingReadings {

    /** Someone whose readings are missing: how many half-days, and the latest of them. */
    public record Missing(long orderId, String name, String phone, String jurisdictionCode, String jurisdictionName,
                          String address, String gridWorker, int day, int missing, LocalDate lastMissingDay,
                          String lastMissingHalf) {
    }

    /** How many people have missing readings below one child of the node. */
    public record ChildCount(String code, String name, String level, long people) {
    }

    /** The node, its children's counts and the people of the node itself (their places below it). */
    public record Overview(String code, String name, long people, List<ChildCount> children, List<Missing> list) {
    }

    private static final String DUE = """
            with due as (
                select o.id as order_id, d::date as day, h.half
                from observation_order o
                join jurisdiction oj on oj.code = o.jurisdiction_code
                cross join lateral generate_series(o.anchor_date + 1, least(cast(:today as date), o.anchor_date + :days),
                                                   interval '1 day') d
                cross join (values ('MORNING', cast(:morning as time)), ('EVENING', cast(:evening as time))) h(half, cut)
                where o.status in ('ACTIVE', 'ESCALATED') and oj.path <@ cast(:node as ltree)
                  and (d::date < cast(:today as date) or h.cut <= cast(:now as time))
            ), missing as (
                select due.order_id, count(*) as n, max(due.day) as last_day,
                       (array_agg(due.half order by due.day desc, due.half desc))[1] as last_half
                from due left join observation_reading r on r.order_id = due.order_id and r.day = due.day and r.half = due.half
                where r.id is null
                group by due.order_id
            )
            """;

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final LocalTime morningCutoff;
    private final LocalTime eveningCutoff;

    MissingReadings(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock,
                    @Value("${fangkong.observation.morning-cutoff:12:00}") LocalTime morningCutoff,
                    @Value("${fangkong.observation.evening-cutoff:22:00}") LocalTime eveningCutoff) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.morningCutoff = morningCutoff;
        this.eveningCutoff = eveningCutoff;
    }

    /** The node (default: the caller's scope) with its children's counts and its people, most missing first. */
    @Transactional(readOnly = true)
    public Overview overview(String code, Actor actor) {
        ObservationOrders.requireRead(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ShanghaiTime.ZONE);
        List<Missing> list = jdbc.sql(DUE + """
                        select o.id, p.name_masked, p.phone_masked, o.jurisdiction_code, j.name as jurisdiction_name, o.address,
                               o.grid_worker, o.anchor_date, m.n, m.last_day, m.last_half
                        from missing m
                        join observation_order o on o.id = m.order_id
                        join person_record p on p.id = o.record_id
                        join jurisdiction j on j.code = o.jurisdiction_code
                        order by m.last_day desc, m.n desc, o.id limit 500
                        """)
                .params(params(node.path(), now))
                .query((rs, n) -> new Missing(rs.getLong("id"), rs.getString("name_masked"), rs.getString("phone_masked"),
                        rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getString("address"),
                        rs.getString("grid_worker"),
                        (int) ChronoUnit.DAYS.between(rs.getObject("anchor_date", LocalDate.class), now.toLocalDate()),
                        rs.getInt("n"), rs.getObject("last_day", LocalDate.class), rs.getString("last_half")))
                .list();
        List<ChildCount> children = jdbc.sql(DUE + """
                        select c.code, c.name, c.level, count(distinct m.order_id) as people
                        from jurisdiction c
                        left join (select m.order_id, oj.path from missing m
                                   join observation_order o on o.id = m.order_id
                                   join jurisdiction oj on oj.code = o.jurisdiction_code) m on m.path <@ c.path
                        where c.parent_code = :code
                        group by c.code, c.name, c.level
                        order by people desc, c.code
                        """)
                .params(params(node.path(), now)).param("code", node.code())
                .query((rs, n) -> new ChildCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        long people = jdbc.sql(DUE + " select count(*) from missing").params(params(node.path(), now)).query(Long.class).single();
        return new Overview(node.code(), node.name(), people, children, list);
    }

    private Map<String, Object> params(String path, LocalDateTime now) {
        return Map.of("node", path, "today", now.toLocalDate(), "now", Time.valueOf(now.toLocalTime().withNano(0)),
                "morning", Time.valueOf(morningCutoff), "evening", Time.valueOf(eveningCutoff), "days", ObservationOrders.DAYS);
    }
}
