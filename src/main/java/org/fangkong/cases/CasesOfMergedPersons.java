package org.fangkong.cases;

import org.fangkong.person.PersonsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Two records of one person merged: their cases move to the kept person, in the merge's transaction. */
@Component
class CasesOfMergedPersons {

    private final JdbcClient jdbc;

    CasesOfMergedPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PersonsMerged merged) {
        jdbc.sql("update case_record set person_id = :k where person_id = :m")
                .param("k", merged.kept()).param("m", merged.merged()).update();
    }
}
