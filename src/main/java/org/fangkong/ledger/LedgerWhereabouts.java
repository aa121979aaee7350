package org.fangkong.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the ledgers place each of many people at once, for 对比摸排 (where does this person live,
 * where were they last seen): one query per batch, three index probes per person.
 */
@Service
public class LedgerWhereabouts {

    private final JdbcClient jdbc;

    LedgerWhereabouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the household lies in the scope (an observation order that names one must see it). */
    @Transactional(readOnly = true)
    public boolean householdInScope(long householdId, String scopePath) {
        return jdbc.sql("""
                        select exists (select 1 from household h join jurisdiction j on j.code = h.jurisdiction_code
                                       where h.id = :id and j.path <@ cast(:scope as ltree))
                        """).param("id", householdId).param("scope", scopePath).query(Boolean.class).single();
    }

    /**
     * The whereabouts of each person the ledgers know, by person id. A live membership of a
     * household comes first, else the latest outsider registration not yet left.
     */
    @Transactional(readOnly = true)
    public Map<Long, Whereabouts> of(long[] personIds) {
        Map<Long, Whereabouts> found = new HashMap<>();
        if (personIds.length == 0) {
            return found;
        }
        Long[] ids = Arrays.stream(personIds).boxed().toArray(Long[]::new);
        jdbc.sql("""
                        select v.p, w.source, w.jurisdiction_code, j.name, w.household_id, w.address, w.since,
                               lp.name as checkpoint_name, lp.jurisdiction_code as checkpoint_jurisdiction, lp.at
                        from (select distinct p from unnest(cast(:ids as bigint[])) as u(p)) v
                        left join lateral (
                            select * from (
                                select 'RESIDENT' as source, h.jurisdiction_code, h.id as household_id,
                                       btrim(h.building || ' ' || h.address) as address, null::date as since, 0 as rank
                                from resident r join household h on h.id = r.household_id
                                where r.person_id = v.p and r.moved_out_on is null
                                union all
                                select 'OUTSIDER', o.jurisdiction_code, o.household_id, o.address, o.arrived_on, 1
                                from outsider o where o.person_id = v.p and o.left_on is null
                            ) x order by rank, since desc nulls last limit 1
                        ) w on true
                        left join jurisdiction j on j.code = w.jurisdiction_code
                        left join lateral (
                            select p.at, c.name, c.jurisdiction_code from passage p join checkpoint c on c.id = p.checkpoint_id
                            where p.person_id = v.p order by p.at desc limit 1
                        ) lp on true
                        where w.source is not null or lp.at is not null
                        """).param("ids", ids)
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
                    Long household = rs.getObject("household_id", Long.class);
                    return found.put(rs.getLong(1), new Whereabouts(rs.getLong(1), rs.getString("source"),
                            rs.getString("jurisdiction_code"), rs.getString("name"), household, rs.getString("address"),
                            rs.getObject("since", LocalDate.class), rs.getString("checkpoint_name"),
                            rs.getString("checkpoint_jurisdiction"), at == null ? null : at.toInstant()));
                }).list();
        return found;
    }
}
