package org.fangkong.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.reporting.DailyReport.Counts;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roll-up of the day's reports (docs/rules.md: every level sees the sum of its subtree): the node's
 * sums, and each child's, one query each, from the current version of every report.
 */
@Service
public class ReportRollup {

    /** A place's summed counts for a day and how many reports they come from. */
    public record Sums(String code, String name, long reports, Counts counts) {
    }

    public record Overview(LocalDate day, Sums node, List<Sums> children) {
    }

    private static final String SUMS = """
            count(r.id) as reports, coalesce(sum(r.new_fever), 0) as f, coalesce(sum(r.new_suspected), 0) as s,
            coalesce(sum(r.new_confirmed), 0) as c, coalesce(sum(r.new_close_contacts), 0) as cc,
            coalesce(sum(r.home_observation), 0) as h, coalesce(sum(r.central_observation), 0) as co,
            coalesce(sum(r.released), 0) as rel, coalesce(sum(r.key_area_arrivals), 0) as k,
            coalesce(sum(r.fever_medicine_buyers), 0) as m
            """;
    private static final RowMapper<Sums> MAPPER = (rs, n) -> new Sums(rs.getString("code"), rs.getString("name"),
            rs.getLong("reports"), new Counts(rs.getInt("f"), rs.getInt("s"), rs.getInt("c"), rs.getInt("cc"), rs.getInt("h"),
                    rs.getInt("co"), rs.getInt("rel"), rs.getInt("k"), rs.getInt("m")));

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    ReportRollup(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview overview(String code, LocalDate day, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate d = day == null ? ShanghaiTime.today(clock).minusDays(1) : day;
        // as in Completeness: the subtree's reports are one index range, children group by code prefix
        Sums total = jdbc.sql("select cast(:code as text) as code, cast(:name as text) as name, " + SUMS + """
                         from daily_report r
                        where r.day = :d and r.current and r.unit_code >= :lo and r.unit_code < :hi
                        """).param("code", node.code()).param("name", node.name()).param("d", d).param("lo", node.code())
                .param("hi", DivisionCodes.after(node.code())).query(MAPPER).single();
        List<Sums> children = jdbc.sql("""
                        with r as (
                            select left(r.unit_code, (select min(length(code)) from jurisdiction where parent_code = :code)) as child, r.*
                            from daily_report r where r.day = :d and r.current and r.unit_code >= :lo and r.unit_code < :hi
                        )
                        select ch.code, ch.name, """ + SUMS + """
                         from jurisdiction ch left join r on r.child = ch.code
                        where ch.parent_code = :code
                        group by ch.code, ch.name order by ch.code
                        """).param("code", node.code()).param("d", d).param("lo", node.code())
                .param("hi", DivisionCodes.after(node.code())).query(MAPPER).list();
        return new Overview(d, total, children);
    }
}
