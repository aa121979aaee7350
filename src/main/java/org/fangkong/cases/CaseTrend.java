package org.fangkong.cases;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.JurisdictionService;
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
    private final JurisdictionService jurisdictions;

    CaseTrend(JdbcClient jdbc, JurisdictionService jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** The node (default the caller's scope) from {@code from} to {@code to}, at most 120 days. */
    @Transactional(readOnly = true)
    public List<Day> series(String code, LocalDate from, LocalDate to, Actor actor) {
        CaseRegistry.requireRead(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        org.fangkong.common.DaySpan.check(from, to, 120, "from");
        // a case is confirmed from its first CONFIRMED event, cured or died from its last such event
        return jdbc.sql("""
                        with c as (
                            select min(e.on_date) filter (where e.status = 'CONFIRMED') as confirmed_on,
                                   max(e.on_date) filter (where e.status = 'CURED') as cured_on,
                                   max(e.on_date) filter (where e.status = 'DIED') as died_on
                            from case_record r join case_event e on e.case_id = r.id
                            where r.jurisdiction_path <@ cast(:path as ltree) and e.on_date <= :to
                            group by r.id
                        )
                        select g.day::date as day,
                               count(c.confirmed_on) filter (where c.confirmed_on = g.day) as new_confirmed,
                               count(c.confirmed_on) filter (where c.confirmed_on <= g.day) as confirmed,
                               count(c.cured_on) filter (where c.cured_on <= g.day) as cured,
                               count(c.died_on) filter (where c.died_on <= g.day) as died
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') g(day)
                        left join c on c.confirmed_on <= g.day or c.cured_on <= g.day or c.died_on <= g.day
                        group by g.day order by g.day
                        """)
                .param("path", node.path()).param("from", from).param("to", to)
                .query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), rs.getLong("new_confirmed"), rs.getLong("confirmed"),
                        rs.getLong("cured"), rs.getLong("died")))
                .list();
    }
}
