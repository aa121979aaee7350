package org.fangkong.observation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.fangkong.ledger.PersonStatusSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Colours households for the ledger: red while an order is escalated, yellow while a person is under observation. */
@Component
class ObservationColours implements PersonStatusSource {

    private final JdbcClient jdbc;

    ObservationColours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> colours(Collection<Long> personIds) {
        Map<Long, String> colours = new HashMap<>();
        if (personIds.isEmpty()) {
            return colours;
        }
        jdbc.sql("""
                        select person_id, case when status = 'ESCALATED' then 'RED' else 'YELLOW' end
                        from observation_order where person_id = any(cast(:ids as bigint[])) and status in ('ACTIVE', 'ESCALATED')
                        """).param("ids", personIds.toArray(Long[]::new))
                .query((rs, n) -> colours.put(rs.getLong(1), rs.getString(2))).list();
        return colours;
    }
}
