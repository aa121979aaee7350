package org.fangkong.cases;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.DaySpan;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course of the cases of a place day by day (疫情趋势): new and cumulative confirmed, cured and
 * died, from the same dated history as {@link CaseFigures}, for a span of days in one query.
 */
@Service
public class CaseTrend {

    /** One day of the course. */
    public record Day(LocalDate day, long newConfirmed, long confirmed, long cured, long died) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    CaseTrend(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** The node (default the caller's scope) from {@code from} to {@code to}, at most 120 days. */
    @Transactional(readOnly = true)
    public List<Day> series(String code, LocalDate from, LocalDate to, Actor actor) {
        CaseRegistry.requireRead(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        DaySpan.check(from, to, 120, "from");
        // a case is confirmed from its first CONFIRMED event, cured or died from its last such event; the
        // cases are counted per day once, then summed for each day of the span (not cases × days)
        return jdbc.sql("""
                        with c as (
                            select min(e.on_date) filter (where e.status = 'CONFIRMED') as confirmed_on,
                                   max(e.on_date) filter (where e.status = 'CURED') as cured_on,
                                   max(e.on_date) filter (where e.status = 'DIED') as died_on
                            from case_record r join case_event e on e.case_id = r.id
                            where r.jurisdiction_path <@ cast(:path as ltree) and e.on_date <= :to
                            group by r.id
                        ), daily as (
                            select day, sum(confirmed) as confirmed, sum(cured) as cured, sum(died) as died from (
                                select confirmed_on as day, 1 as confirmed, 0 as cured, 0 as died from c where confirmed_on is not null
                                union all select cured_on, 0, 1, 0 from c where cured_on is not null
                                union all select died_on, 0, 0, 1 from c where died_on is not null) e
                            group by day
                        )
                        select g.day::date as day,
                               coalesce((select d.confirmed from daily d where d.day = g.day), 0) as new_confirmed,
                               coalesce((select sum(d.confirmed) from daily d where d.day <= g.day), 0) as confirmed,
                               coalesce((select sum(d.cured) from daily d where d.day <= g.day), 0) as cured,
                               coalesce((select sum(d.died) from daily d where d.day <= g.day), 0) as died
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') g(day)
                        order by g.day
                        """)
                .param("path", node.path()).param("from", from).param("to", to)
                .query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), rs.getLong("new_confirmed"), rs.getLong("confirmed"),
                        rs.getLong("cured"), rs.getLong("died")))
                .list();
    }
}
