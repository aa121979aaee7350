package org.fangkong.observation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observation figures for any day: people under observation at the end of the day, new
 * escalations that day, alerts still open at the end of it; for a node and each of its children
 * in one query (the caller checks scope).
 */
@Service
public class ObservationFigures {

    /** One place's observation figures on one day. */
    public record Counts(long underObservation, long newEscalations, long openAlerts) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    private final JdbcClient jdbc;

    ObservationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of the node itself (key {@code nodeCode}) and of each child (by child code). */
    @Transactional(readOnly = true)
    public Map<String, Counts> of(String nodeCode, LocalDate day) {
        return counts(nodeCode, day, "n.code = :node or n.parent_code = :node");
    }

    /** The counts of every county-level division at or below the node (by county code), for the map. */
    @Transactional(readOnly = true)
    public Map<String, Counts> byCounty(String nodeCode, LocalDate day) {
        return counts(nodeCode, day, "n.level = 'COUNTY' and n.path <@ (select path from jurisdiction where code = :node)");
    }

    private Map<String, Counts> counts(String nodeCode, LocalDate day, String which) {
        Timestamp end = Timestamp.from(ShanghaiTime.startOf(day.plusDays(1)));
        Timestamp start = Timestamp.from(ShanghaiTime.startOf(day));
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("""
                        with o as (
                            select oj.path,
                                   (o.opened_at < :end and (o.closed_at is null or o.closed_at >= :end)
                                    and o.anchor_date < cast(:day as date) + 1) as observed,
                                   (select count(*) from observation_alert a where a.order_id = o.id
                                      and a.raised_at >= :start and a.raised_at < :end) as new_alerts,
                                   (select count(*) from observation_alert a where a.order_id = o.id
                                      and a.raised_at < :end and (a.handled_at is null or a.handled_at >= :end)) as open_alerts
                            from observation_order o
                            join jurisdiction oj on oj.code = o.jurisdiction_code
                            join jurisdiction n on n.code = :node
                            where oj.path <@ n.path
                        )
                        select n.code, count(*) filter (where o.observed), coalesce(sum(o.new_alerts), 0), coalesce(sum(o.open_alerts), 0)
                        from jurisdiction n left join o on o.path <@ n.path
                        """ + "where " + which + "\n" + """
                        group by n.code
                        """)
                .param("node", nodeCode).param("day", day).param("start", start).param("end", end)
                .query((rs, n) -> counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)))).list();
        return counts;
    }
}
