package org.fangkong.ledger.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.UnitDayFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledgers' part of a unit's daily report: fevers at its checkpoints, arrivals from key areas. */
@Component
class LedgerDayFacts implements UnitDayFacts {

    private final JdbcClient jdbc;

    LedgerDayFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> of(String unitCode, String unitPath, LocalDate day) {
        return jdbc.sql("""
                        select (select count(*) from checkpoint_alert a join passage p on p.id = a.passage_id
                                join checkpoint c on c.id = p.checkpoint_id join jurisdiction j on j.code = c.jurisdiction_code
                                where j.path <@ cast(:path as ltree) and a.raised_at >= :from and a.raised_at < :to) as fever,
                               (select count(*) from outsider o join jurisdiction j on j.code = o.jurisdiction_code
                                where j.path <@ cast(:path as ltree) and o.from_key_area and o.arrived_on = :day
                                and (not o.self_registered or o.confirmed_at is not null)) as arrivals
                        """)
                .param("path", unitPath).param("day", day)
                .param("from", Timestamp.from(ShanghaiTime.startOf(day)))
                .param("to", Timestamp.from(ShanghaiTime.startOf(day.plusDays(1))))
                .query((rs, n) -> Map.of("newFever", rs.getInt("fever"), "keyAreaArrivals", rs.getInt("arrivals"))).single();
    }
}
