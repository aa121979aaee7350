package org.fangkong.livelihood;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.DashboardLines;
import org.springframework.stereotype.Component;

/** The supply points' line on the command dashboard: how many are open and how many are out of something. */
@Component
class SupplyPointDashboardLines implements DashboardLines {

    private final SupplyPoints points;

    SupplyPointDashboardLines(SupplyPoints points) {
        this.points = points;
    }

    @Override
    public List<Line> lines(String code, String path, LocalDate day, Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN)) {
            return List.of();
        }
        SupplyPoints.Counts c = points.counts(code, actor).get(0);
        if (c.points() == 0) {
            return List.of();
        }
        return List.of(new Line("dash.supplyPoints", List.of(c.points(), c.withShortage()), "/livelihood?node=" + code));
    }
}
