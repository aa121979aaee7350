package org.fangkong.dashboard.web;

import java.time.LocalDate;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.NavItem;
import org.fangkong.dashboard.CommandView;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.json.JsonMapper;

/** The command dashboard as a page (phone, desk, or the wall screen's dark variant) and over the API. */
@Controller
class DashboardController {

    private final CommandView view;
    private final JsonMapper json;

    DashboardController(CommandView view, JsonMapper json) {
        this.view = view;
        this.json = json;
    }

    @Bean
    static NavItem dashboardNavItem() {
        return new NavItem("nav.dashboard", "/dashboard", 2, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    private static Actor reader() {
        return Actors.requireOneOf(Role.OFFICER, Role.COMMANDER, Role.ADMIN);
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                @RequestParam(required = false) Integer days, @RequestParam(defaultValue = "false") boolean wall, Model model) {
        CommandView.View v = view.of(jurisdiction, day, days, reader());
        model.addAttribute("view", v);
        model.addAttribute("days", v.caseTrend().size());
        model.addAttribute("wall", wall);
        // the chosen day, span and wall mode follow every click down the tree
        model.addAttribute("keep", (day == null ? "" : "&day=" + day) + (days == null ? "" : "&days=" + days)
                + (wall ? "&wall=true" : ""));
        model.addAttribute("chartData", json.writeValueAsString(new Charts(v)));
        return "dashboard/dashboard";
    }

    /** The series the charts draw, in one JSON data block (no inline script under the CSP). */
    record Charts(Object cases, Object reports, Object risk) {
        Charts(CommandView.View v) {
            this(v.caseTrend(), v.reportTrend(), v.riskTrend());
        }
    }

    /** The same screen as data: figures, completeness, children with risk levels, trends. */
    @GetMapping("/api/v1/dashboard")
    @ResponseBody
    CommandView.View api(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                         @RequestParam(required = false) Integer days) {
        return view.of(jurisdiction, day, days, reader());
    }
}
