package org.fangkong.masks.web;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.HomeNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On a grid worker's or officer's home page: fever medicine buyers of their villages not yet followed up. */
@Component
class MedicineHomeNotices implements HomeNotices {

    private final JdbcClient jdbc;

    MedicineHomeNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Notice> notices(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER)) {
            return List.of();
        }
        long open = jdbc.sql("""
                        select count(*) from medicine_sale s join jurisdiction v on v.code = s.village_code
                        where s.followed_up_at is null and v.path <@ cast(:scope as ltree)
                        """).param("scope", actor.scopePath()).query(Long.class).single();
        return List.of(new Notice("home.notice.medicineFollowUps", open, "/medicine", "warn"));
    }
}
