package org.fangkong.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.fangkong.jurisdiction.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case facts of every county (县/市/区) below a node, for zoning: for each day, cumulative
 * confirmed, confirmed in D−13 … D, the last day a case was confirmed, and clusters with a case
 * confirmed in those 14 days. A span of days in one query: the confirmations are first counted per
 * county and day, then summed over each day's window.
 */
@Service
public class ZoningFacts {

    private final JdbcClient jdbc;

    ZoningFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counties at or below {@code node}, or the county a lower node lies in (the caller has checked scope), by code. */
    @Transactional(readOnly = true)
    public List<CountyFacts> counties(Jurisdiction node, LocalDate day) {
        return counties(node, day, day);
    }

    /** As {@link #counties(Jurisdiction, LocalDate)} for every day from {@code from} to {@code to}, by day then code. */
    @Transactional(readOnly = true)
    public List<CountyFacts> counties(Jurisdiction node, LocalDate from, LocalDate to) {
        // below the county the county itself is graded: count its cases, not only the node's
        String[] labels = node.path().split("\\.");
        String scope = labels.length > 3 ? String.join(".", Arrays.copyOf(labels, 3)) : node.path();
        return jdbc.sql("""
                        with daily as (
                            select subpath(c.jurisdiction_path, 0, 3) as county_path, e.on_date, count(*) as n
                            from case_record c join case_event e on e.case_id = c.id and e.status = 'CONFIRMED'
                            where e.on_date <= :to and c.jurisdiction_path <@ cast(:node as ltree) and nlevel(c.jurisdiction_path) >= 3
                            group by 1, 2
                        ), cluster_days as (
                            select subpath(k.jurisdiction_path, 0, 3) as county_path, k.id, c.confirmed_on
                            from cluster k join cluster_case kc on kc.cluster_id = k.id join case_record c on c.id = kc.case_id
                            where k.jurisdiction_path <@ cast(:node as ltree) and nlevel(k.jurisdiction_path) >= 3
                              and c.confirmed_on between cast(:from as date) - 13 and :to
                        ), counties as (
                            select co.code, co.name, co.path from jurisdiction co
                            where co.level = 'COUNTY' and (co.path <@ cast(:node as ltree) or cast(:node as ltree) <@ co.path)
                        )
                        select co.code, co.name, g.day,
                               coalesce(sum(d.n) filter (where d.on_date <= g.day), 0) as cumulative,
                               coalesce(sum(d.n) filter (where d.on_date > g.day - 14 and d.on_date <= g.day), 0) as recent,
                               max(d.on_date) filter (where d.on_date <= g.day) as last_on,
                               (select count(distinct k.id) from cluster_days k
                                where k.county_path = co.path and k.confirmed_on between g.day - 13 and g.day) as clusters
                        from counties co
                        cross join (select gs::date as day
                                    from generate_series(cast(:from as date), cast(:to as date), interval '1 day') gs) g
                        left join daily d on d.county_path = co.path
                        group by co.code, co.name, co.path, g.day
                        order by g.day, co.code
                        """)
                .param("from", from).param("to", to).param("node", scope)
                .query((rs, n) -> new CountyFacts(rs.getString("code"), rs.getString("name"), rs.getObject("day", LocalDate.class),
                        rs.getLong("cumulative"), rs.getLong("recent"), rs.getObject("last_on", LocalDate.class), rs.getLong("clusters")))
                .list();
    }
}
