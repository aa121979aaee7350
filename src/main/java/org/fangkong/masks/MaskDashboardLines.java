package org.fangkong.masks;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.DashboardLines;
import org.springframework.stereotype.Component;

/** The masks' line on the command dashboard: points, masks allotted, collected, no-shows and left in the node. */
@Component
class MaskDashboardLines implements DashboardLines {

    private final MaskAreas areas;

    MaskDashboardLines(MaskAreas areas) {
        this.areas = areas;
    }

    @Override
    public List<Line> lines(String code, String path, LocalDate day, Actor actor) {
        MaskAreas.Area a = areas.total(code, day, actor);
        if (a.points() == 0) {
            return List.of();
        }
        return List.of(new Line("dash.masks", List.of(a.points(), a.quantity(), a.booked(), a.collected(), a.noShow(), a.left()),
                "/masks/areas?node=" + code + "&day=" + day));
    }
}
