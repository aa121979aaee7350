package org.fangkong.observation.web;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.HomeNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On the home page: people under observation with a fever or symptom waiting for an outcome. */
@Component
class ObservationHomeNotices implements HomeNotices {

    private final JdbcClient jdbc;

    ObservationHomeNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER)) {
            return List.of(); // the staff who keep ledgers or trace
        }
        long escalated = jdbc.sql("""
                        select count(*) from observation_order o join jurisdiction j on j.code = o.jurisdiction_code
                        where o.status = 'ESCALATED' and j.path <@ cast(:scope as ltree)
                        """).param("scope", actor.scopePath()).query(Long.class).single();
        return List.of(new Notice("home.notice.escalated", escalated, "/observation", "bad"));
    }
}
