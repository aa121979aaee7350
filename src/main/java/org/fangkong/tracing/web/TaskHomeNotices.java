package org.fangkong.tracing.web;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.HomeNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On the home page: follow-up tasks from cross-matching still open in the scope. */
@Component
class TaskHomeNotices implements HomeNotices {

    private final JdbcClient jdbc;

    TaskHomeNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER)) {
            return List.of(); // the staff who keep ledgers or trace
        }
        long open = jdbc.sql("""
                        select count(*) from follow_up_task t join jurisdiction j on j.code = t.jurisdiction_code
                        where t.done_at is null and j.path <@ cast(:scope as ltree)
                        """).param("scope", actor.scopePath()).query(Long.class).single();
        return List.of(new Notice("home.notice.tasks", open, "/tasks", "warn"));
    }
}
