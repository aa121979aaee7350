package org.fangkong.ledger.web;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.HomeNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On the home page of whoever keeps the outsider ledger: self-registered arrivals waiting to be confirmed. */
@Component
class ArrivalHomeNotices implements HomeNotices {

    private final JdbcClient jdbc;

    ArrivalHomeNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER)) {
            return List.of();
        }
        long waiting = jdbc.sql("""
                        select count(*) from outsider o join jurisdiction j on j.code = o.jurisdiction_code
                        where o.self_registered and o.confirmed_at is null and j.path <@ cast(:scope as ltree)
                        """).param("scope", actor.scopePath()).query(Long.class).single();
        return List.of(new Notice("home.notice.arrivalsToConfirm", waiting, "/outsiders", "warn"));
    }
}
