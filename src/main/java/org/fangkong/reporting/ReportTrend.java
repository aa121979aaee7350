package org.fangkong.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.fangkong.common.DaySpan;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of a place day by day: completeness and timeliness, zero reports, and the people
 * under home observation as the villages reported them; a span of days in one query, from the
 * townships' kept tallies above the village.
 */
@Service
public class ReportTrend {

    /** One day: units expected, reports in, on time, zero reports, and the reported home observation. */
    public record Day(LocalDate day, long expected, long reported, long onTime, long zero, long homeObservation) {

        @JsonProperty
        public BigDecimal completeness() {
            return Completeness.Units.percent(reported, expected);
        }

        @JsonProperty
        public BigDecimal timeliness() {
            return Completeness.Units.percent(onTime, expected);
        }
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    ReportTrend(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** The node (default the caller's scope) from {@code from} to {@code to}, at most 120 days. */
    @Transactional(readOnly = true)
    public List<Day> series(String code, LocalDate from, LocalDate to, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        DaySpan.check(from, to, 120, "from");
        // above the village the townships' kept tallies (1,822 rows a day for the province); a village counts its own
        String counted = node.level() == Level.VILLAGE || node.level() == Level.GRID
                ? """
                select r.day, count(*) as reported, count(*) filter (where not r.late) as on_time,
                       count(*) filter (where r.zero) as zero, sum(r.home_observation) as home
                from daily_report r
                where r.current and r.day between :from and :to and r.unit_code >= :lo and r.unit_code < :hi
                group by r.day
                """
                : """
                select t.day, sum(t.reported) as reported, sum(t.on_time) as on_time, sum(t.zero) as zero,
                       sum(t.home_observation) as home
                from daily_report_tally t
                where t.day between :from and :to and t.township_code >= :lo and t.township_code < :hi
                group by t.day
                """;
        return jdbc.sql("with r as (" + counted + ")" + """
                        select g.day::date as day,
                               (select case when n.level = 'VILLAGE' then 1 else n.sub_villages end from jurisdiction n
                                where n.code = :lo) as expected,
                               coalesce(r.reported, 0) as reported, coalesce(r.on_time, 0) as on_time, coalesce(r.zero, 0) as zero,
                               coalesce(r.home, 0) as home
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') g(day)
                        left join r on r.day = g.day
                        order by g.day
                        """)
                .param("from", from).param("to", to).param("lo", node.code()).param("hi", DivisionCodes.after(node.code()))
                .query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), rs.getLong("expected"), rs.getLong("reported"),
                        rs.getLong("on_time"), rs.getLong("zero"), rs.getLong("home")))
                .list();
    }
}
