package org.fangkong.zoning.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageForms;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.zoning.Overrides;
import org.fangkong.zoning.PublishedLevels;
import org.fangkong.zoning.Zoning;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counties' risk levels on a day (分区分级) with the facts behind each, the computed level beside
 * any override, each county's history, and for commanders the override form; every override is
 * listed with who made it and why (and is in the audit log).
 */
@Controller
class ZoningPageController {

    private final Zoning zoning;
    private final Overrides overrides;
    private final Jurisdictions jurisdictions;
    private final PublishedLevels published;

    ZoningPageController(Zoning zoning, Overrides overrides, Jurisdictions jurisdictions, PublishedLevels published) {
        this.published = published;
        this.zoning = zoning;
        this.overrides = overrides;
        this.jurisdictions = jurisdictions;
    }

    @Bean
    static NavItem zoningNavItem() {
        return new NavItem("nav.zoning", "/zoning", 3, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @Bean
    static QuickTask zoningQuickCommander() {
        return new QuickTask(Role.COMMANDER, 2, "quick.zoning", "/zoning");
    }

    private static Actor reader() {
        return Actors.requireOneOf(Role.OFFICER, Role.COMMANDER, Role.ADMIN);
    }

    @GetMapping("/zoning")
    String page(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                @RequestParam(required = false) String rules, Model model) {
        Actor me = reader();
        Jurisdiction node = jurisdictions.nodeOrScope(jurisdiction, me);
        model.addAttribute("node", node);
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(node.code(), me.scopePath()));
        model.addAttribute("levels", zoning.levels(node.code(), day, rules, me));
        model.addAttribute("ruleSets", zoning.ruleSets());
        model.addAttribute("log", overrides.recent(node, 30));
        model.addAttribute("changes", published.changes(node, 30));
        model.addAttribute("commander", me.is(Role.COMMANDER));
        return "zoning/levels";
    }

    @PostMapping("/zoning/overrides")
    String override(@ModelAttribute OverrideForm form, BindingResult binding,
                    @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                    RedirectAttributes redirect) {
        String back = "redirect:/zoning?jurisdiction=" + (jurisdiction == null ? "" : jurisdiction) + (day == null ? "" : "&day=" + day);
        if (!PageForms.bound(binding, redirect)) {
            redirect.addFlashAttribute("errorCounty", form == null ? null : form.county());
            return back;
        }
        try {
            overrides.override(form.county(), form.level(), form.from(), form.reason(), Actors.require());
            redirect.addFlashAttribute("notice", "zoning.overridden");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            redirect.addFlashAttribute("errorCounty", form.county());
        }
        return back;
    }

    @GetMapping("/zoning/history")
    String history(@RequestParam String county, @RequestParam(required = false) LocalDate from,
                   @RequestParam(required = false) LocalDate to, Model model) {
        Actor me = reader();
        model.addAttribute("county", jurisdictions.require(county, me.scopePath()));
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(county, me.scopePath()));
        List<Zoning.CountyLevel> days = new ArrayList<>(zoning.history(county, from, to, null, me));
        Collections.reverse(days);
        model.addAttribute("days", days);
        model.addAttribute("published", days.isEmpty() ? Map.of()
                : published.of(county, days.get(days.size() - 1).day(), days.get(0).day()));
        return "zoning/history";
    }
}
