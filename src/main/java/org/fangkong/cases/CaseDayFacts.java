package org.fangkong.cases;

import java.time.LocalDate;
import java.util.Map;

import org.fangkong.common.UnitDayFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The case registry's part of a unit's daily report: cases that became suspected, and confirmed, that day. */
@Component
class CaseDayFacts implements UnitDayFacts {

    private final JdbcClient jdbc;

    CaseDayFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> of(String unitCode, String unitPath, LocalDate day) {
        return jdbc.sql("""
                        select count(distinct e.case_id) filter (where e.status = 'SUSPECTED') as suspected,
                               count(distinct e.case_id) filter (where e.status = 'CONFIRMED') as confirmed
                        from case_event e join case_record c on c.id = e.case_id
                        where e.on_date = :day and c.jurisdiction_path <@ cast(:path as ltree)
                        """).param("day", day).param("path", unitPath)
                .query((rs, n) -> Map.of("newSuspected", rs.getInt("suspected"), "newConfirmed", rs.getInt("confirmed")))
                .single();
    }
}
