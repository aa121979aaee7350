package org.fangkong.reporting;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo daily reports (演示数据) for every village of an area over a span of days, in one statement:
 * most are zero reports, about one in fifty is missing and one in twenty-five late, a few carry
 * people under home observation; repeatable for a seed. Submitted by {@code demo}.
 */
@Service
public class DemoReports {

    private final JdbcClient jdbc;
    private final ReportTally tally;

    DemoReports(JdbcClient jdbc, ReportTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** Writes the reports not already there; answers how many were written. */
    @Transactional
    public int generate(String areaPath, LocalDate from, LocalDate to, double seed) {
        jdbc.sql("select setseed(:s)").param("s", seed).query().listOfRows();
        int written = jdbc.sql("""
                        with draw as (
                            select v.code, g.day::date as day, random() as skip, random() as late, random() as busy,
                                   floor(random() * 6)::int as home
                            from jurisdiction v
                            cross join generate_series(cast(:from as date), cast(:to as date), interval '1 day') g(day)
                            where v.level = 'VILLAGE' and v.path <@ cast(:path as ltree)
                        )
                        insert into daily_report (unit_code, day, version, zero, new_fever, new_suspected, new_confirmed,
                                                  new_close_contacts, home_observation, central_observation, released,
                                                  key_area_arrivals, late, submitted_by, submitted_at)
                        select code, day, 1, busy >= 0.1, 0, 0, 0, 0, case when busy < 0.1 then home + 1 else 0 end, 0,
                               case when busy < 0.02 then 1 else 0 end, 0, late < 0.04, 'demo',
                               (day + 1 + case when late < 0.04 then interval '13 hours' else interval '8 hours' end)
                                   at time zone 'Asia/Shanghai'
                        from draw
                        where skip >= 0.02 + 0.08 * (cast(:to as date) - day = 0)::int
                        on conflict do nothing
                        """)
                .param("path", areaPath).param("from", from).param("to", to).update();
        tally.recount(areaPath.substring(areaPath.lastIndexOf('.') + 1), from, to);
        return written;
    }
}
