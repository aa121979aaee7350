package org.fangkong.supplies;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.DashboardLines;
import org.springframework.stereotype.Component;

/** The supplies' line on the command dashboard: holders whose items have under 3 days of cover. */
@Component
class SupplyDashboardLines implements DashboardLines {

    private final StockCover cover;

    SupplyDashboardLines(StockCover cover) {
        this.cover = cover;
    }

    @Override
    public List<Line> lines(String code, String path, LocalDate day, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN)) {
            return List.of();
        }
        List<StockCover.Cover> short0 = cover.shortages(code, 1000, actor);
        if (short0.isEmpty()) {
            return List.of();
        }
        StockCover.Cover worst = short0.get(0);
        return List.of(new Line("dash.supplyShortages", List.of(short0.stream().map(StockCover.Cover::holderId).distinct().count(),
                short0.size(), worst.holderName(), worst.itemName(), worst.days()), "/supplies?node=" + code + "#shortages"));
    }
}
