package org.fangkong.observation;

import org.fangkong.person.PersonsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Two records of one person merged: their observation orders move to the kept person, in the
 * merge's transaction. One person has one open order: when both were under observation, the
 * merged person's open order closes as transferred to the kept person's.
 */
@Component
class OrdersOfMergedPersons {

    private final JdbcClient jdbc;

    OrdersOfMergedPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PersonsMerged merged) {
        jdbc.sql("""
                        update observation_order set status = 'TRANSFERRED', closed_at = now(), closed_by = 'merge'
                        where person_id = :m and status in ('ACTIVE', 'ESCALATED')
                          and exists (select 1 from observation_order k where k.person_id = :k and k.status in ('ACTIVE', 'ESCALATED'))
                        """).param("k", merged.kept()).param("m", merged.merged()).update();
        jdbc.sql("update observation_order set person_id = :k where person_id = :m")
                .param("k", merged.kept()).param("m", merged.merged()).update();
    }
}
