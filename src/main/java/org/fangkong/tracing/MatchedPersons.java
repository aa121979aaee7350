package org.fangkong.tracing;

import org.fangkong.person.PersonHolders;
import org.fangkong.person.PersonsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The people that matched rows of uploaded lists point at: a merge repoints them (in the merge's
 * transaction), and a person is held in a scope by a list uploaded there or a follow-up task
 * routed there.
 */
@Component
class MatchedPersons implements PersonHolders {

    private final JdbcClient jdbc;

    MatchedPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PersonsMerged merged) {
        jdbc.sql("update match_row set person_id = :k where person_id = :m")
                .param("k", merged.kept()).param("m", merged.merged()).update();
    }

    @Override
    public boolean holds(long personId, String scopePath) {
        return jdbc.sql("""
                        select exists (select 1 from match_row r join match_list l on l.id = r.list_id
                                       where r.person_id = :p and l.scope_path <@ cast(:scope as ltree))
                            or exists (select 1 from follow_up_task t
                                       join match_row r on r.list_id = t.list_id and r.row_no = t.row_no
                                       join jurisdiction j on j.code = t.jurisdiction_code
                                       where r.person_id = :p and j.path <@ cast(:scope as ltree))
                        """).param("p", personId).param("scope", scopePath).query(Boolean.class).single();
    }
}
