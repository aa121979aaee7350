package org.fangkong.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.fangkong.ledger.PersonStatusSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A household turns red while one of its people is a suspected, confirmed or asymptomatic case (docs/rules.md). */
@Component
class CaseColours implements PersonStatusSource {

    private final JdbcClient jdbc;

    CaseColours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> colours(Collection<Long> personIds) {
        Map<Long, String> colours = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("""
                            select distinct person_id from case_record
                            where person_id = any(cast(:ids as bigint[])) and status in ('SUSPECTED', 'CONFIRMED', 'ASYMPTOMATIC')
                            """).param("ids", personIds.toArray(Long[]::new))
                    .query((rs, n) -> colours.put(rs.getLong(1), "RED")).list();
        }
        return colours;
    }
}
