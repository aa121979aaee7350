package org.fangkong.cases;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.jurisdiction.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case facts of every county (县/市/区) below a node on a day, in one query, for zoning: read
 * from the dated events, so any past day comes out as it was.
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
        LocalDate start = CountyFacts.windowStart(day);
        // below the county the county itself is graded: count its cases, not only the node's
        String[] labels = node.path().split("\\.");
        String scope = labels.length > 3 ? String.join(".", java.util.Arrays.copyOf(labels, 3)) : node.path();
        return jdbc.sql("""
                        with conf as (
                            select c.jurisdiction_path as path, e.on_date
                            from case_record c join case_event e on e.case_id = c.id and e.status = 'CONFIRMED'
                            where e.on_date <= :d and c.jurisdiction_path <@ cast(:node as ltree)
                        ), recent_clusters as (
                            select k.jurisdiction_path as path from cluster k
                            where k.jurisdiction_path <@ cast(:node as ltree)
                              and exists (select 1 from cluster_case kc join case_record c on c.id = kc.case_id
                                          where kc.cluster_id = k.id and c.confirmed_on between :start and :d)
                        )
                        select co.code, co.name,
                               (select count(*) from conf where conf.path <@ co.path) as cumulative,
                               (select count(*) from conf where conf.path <@ co.path and conf.on_date >= :start) as recent,
                               (select max(on_date) from conf where conf.path <@ co.path) as last_on,
                               (select count(*) from recent_clusters k where k.path <@ co.path) as clusters
                        from jurisdiction co
                        where co.level = 'COUNTY' and (co.path <@ cast(:node as ltree) or cast(:node as ltree) <@ co.path)
                        order by co.code
                        """)
                .param("d", day).param("start", start).param("node", scope)
                .query((rs, n) -> new CountyFacts(rs.getString("code"), rs.getString("name"), day, rs.getLong("cumulative"),
                        rs.getLong("recent"), rs.getObject("last_on", LocalDate.class), rs.getLong("clusters")))
                .list();
    }
}
