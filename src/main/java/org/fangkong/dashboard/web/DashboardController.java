package org.fangkong.dashboard.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.dashboard.CommandView;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    DashboardController(CommandView view, JsonMapper json, MessageSource messages) {
        this.messages = messages;
        this.view = view;
        this.json = json;
    }

    @Bean
    static NavItem dashboardNavItem() {
        return new NavItem("nav.dashboard", "/dashboard", 2, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @Bean
    static QuickTask dashboardQuickOfficer() {
        return new QuickTask(Role.OFFICER, 1, "quick.dashboard", "/dashboard");
    }

    @Bean
    static QuickTask dashboardQuickCommander() {
        return new QuickTask(Role.COMMANDER, 1, "quick.dashboard", "/dashboard");
    }

    private static Actor reader() {
        return Actors.requireOneOf(Role.OFFICER, Role.COMMANDER, Role.ADMIN);
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                @RequestParam(required = false) Integer days, @RequestParam(defaultValue = "false") boolean wall,
                @RequestParam(required = false) String layer, Model model, Locale locale) {
        CommandView.View v = view.of(jurisdiction, day, days, reader());
        MapLayer shown = MapLayer.of(layer);
        model.addAttribute("view", v);
        model.addAttribute("days", v.caseTrend().size());
        model.addAttribute("wall", wall);
        // the chosen day, span, wall mode and map layer follow every click down the tree
        String keepDay = (day == null ? "" : "&day=" + day) + (days == null ? "" : "&days=" + days) + (wall ? "&wall=true" : "");
        model.addAttribute("keepDay", keepDay);
        model.addAttribute("keep", keepDay + (shown == MapLayer.RISK ? "" : "&layer=" + shown.param()));
        model.addAttribute("layer", shown.param());
        model.addAttribute("layers", Arrays.stream(MapLayer.values()).map(MapLayer::param).toList());
        model.addAttribute("bins", IntStream.range(0, shown.bins).boxed().toList());
        model.addAttribute("shapeless", v.areas().stream().filter(CommandView.Area::devZone).toList());
        // inside <script type="application/json">: a name holding "</script>" must not end the block
        model.addAttribute("chartData", json.writeValueAsString(new Charts(v, shown, tips(v, locale))).replace("<", "\\u003c"));
        return "dashboard/dashboard";
    }

    /** What a county's tooltip says on the map: its name and all four figures, in the reader's language. */
    private Map<String, String> tips(CommandView.View v, Locale locale) {
        Map<String, String> tips = new HashMap<>();
        for (CommandView.Area a : v.areas()) {
            String risk = messages.getMessage(a.risk() == null ? "risk.none" : "risk." + a.risk(), null, locale);
            String reports = a.completeness() == null ? "–" : a.completeness().stripTrailingZeros().toPlainString() + "%";
            tips.put(a.code(), messages.getMessage("dash.map.tip",
                    new Object[] {a.name(), risk, a.confirmed(), a.underObservation(), reports}, locale));
        }
        return tips;
    }

    /** The series the charts draw and the map's counties, in one JSON data block (no inline script under the CSP). */
    record Charts(Object cases, Object reports, Object risk, MapData map) {
        Charts(CommandView.View v, MapLayer layer, Map<String, String> tips) {
            this(v.caseTrend(), v.reportTrend(), v.riskTrend(), v.areas().isEmpty() ? null
                    : new MapData(v.code(), layer.param(), v.areas().stream()
                            .map(a -> new MapArea(a.code(), a.name(), layer.bin(a), tips.get(a.code()))).toList()));
        }
    }

    /** The counties of a province or city map: each with its bin of the chosen layer and its tooltip. */
    record MapData(String code, String layer, List<MapArea> areas) {
    }

    record MapArea(String code, String name, int bin, String tip) {
    }

    /** The same screen as data: figures, completeness, children with risk levels, trends. */
    @GetMapping("/api/v1/dashboard")
    @ResponseBody
    CommandView.View api(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                         @RequestParam(required = false) Integer days) {
        return view.of(jurisdiction, day, days, reader());
    }
}
