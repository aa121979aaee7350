package org.fangkong.reporting;

import java.time.LocalDate;

import org.fangkong.jurisdiction.DivisionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each township's reports of a day, counted ({@code daily_report_tally}): recounted on every submit
 * under a lock on the township's row (two villages reporting at once both count), or for a whole
 * area after a bulk load. A village's code begins with its township's nine digits.
 */
@Component
class ReportTally {

    private final JdbcClient jdbc;

    ReportTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recounts one township's day; call in the transaction that wrote the report. */
    void recount(String villageCode, LocalDate day) {
        String township = DivisionCodes.townshipOf(villageCode);
        jdbc.sql("insert into daily_report_tally (township_code, day) values (:t, :d) on conflict do nothing")
                .param("t", township).param("d", day).update();
        // lock first: the recount below then reads every report committed before the lock was granted
        jdbc.sql("select 1 from daily_report_tally where township_code = :t and day = :d for update")
                .param("t", township).param("d", day).query().listOfRows();
        jdbc.sql("""
                        update daily_report_tally t set (reported, on_time, zero, home_observation) = (
                            select count(*), count(*) filter (where not r.late), count(*) filter (where r.zero),
                                   coalesce(sum(r.home_observation), 0)
                            from daily_report r
                            where r.day = :d and r.current and r.unit_code >= :t and r.unit_code < :hi)
                        where t.township_code = :t and t.day = :d
                        """)
                .param("t", township).param("d", day).param("hi", DivisionCodes.after(township)).update();
    }

    /** Recounts every township below a node over a span of days (after a bulk load). */
    int recount(String nodeCode, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        insert into daily_report_tally (township_code, day, reported, on_time, zero, home_observation)
                        select left(unit_code, 9), day, count(*), count(*) filter (where not late), count(*) filter (where zero),
                               sum(home_observation)
                        from daily_report
                        where current and day between :from and :to and unit_code >= :lo and unit_code < :hi
                        group by 1, 2
                        on conflict (township_code, day) do update set reported = excluded.reported, on_time = excluded.on_time,
                            zero = excluded.zero, home_observation = excluded.home_observation
                        """)
                .param("from", from).param("to", to).param("lo", nodeCode).param("hi", DivisionCodes.after(nodeCode)).update();
    }
}
