package org.fangkong.reporting.web;

import java.time.LocalDate;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageForms;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.reporting.Completeness;
import org.fangkong.reporting.DailyReport;
import org.fangkong.reporting.DailyReports;
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
 * The daily report on a phone (a village's report for yesterday, prefilled; the zero report one
 * tap) and, for every level, completeness with one click down and the units missing.
 */
@Controller
class ReportPageController {

    private final DailyReports reports;
    private final Completeness completeness;
    private final Jurisdictions jurisdictions;

    ReportPageController(DailyReports reports, Completeness completeness,
                         Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
        this.reports = reports;
        this.completeness = completeness;
    }

    @Bean
    static NavItem reportsNavItem() {
        return new NavItem("nav.reports", "/reports", 13, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @Bean
    static QuickTask reportsQuickGridWorker() {
        return new QuickTask(Role.GRID_WORKER, 3, "quick.report", "/reports");
    }

    @Bean
    static QuickTask reportsQuickOfficer() {
        return new QuickTask(Role.OFFICER, 3, "quick.report", "/reports");
    }

    /** The report's figures as typed; a field left empty counts 0 (a zero report sends none). */
    record ReportEntry(Integer newFever, Integer newSuspected, Integer newConfirmed, Integer newCloseContacts,
                       Integer homeObservation, Integer centralObservation, Integer released, Integer keyAreaArrivals,
                       Integer feverMedicineBuyers) {

        DailyReport.Counts counts() {
            return new DailyReport.Counts(n(newFever), n(newSuspected), n(newConfirmed), n(newCloseContacts), n(homeObservation),
                    n(centralObservation), n(released), n(keyAreaArrivals), n(feverMedicineBuyers));
        }

        private static int n(Integer count) {
            return count == null ? 0 : count;
        }
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) LocalDate day, Model model) {
        Actor me = Actors.require();
        if (unit == null && !me.is(Role.GRID_WORKER)) {
            return "redirect:/reports/completeness";
        }
        String u = unit == null ? me.scopeCode() : unit;
        try {
            LocalDate d = day == null ? reports.yesterday() : day;
            model.addAttribute("unit", u);
            model.addAttribute("unitName", jurisdictions.find(u, me.scopePath()).map(j -> j.name()).orElse(u));
            model.addAttribute("day", d);
            model.addAttribute("prefill", reports.prefill(u, d, me));
            model.addAttribute("versions", reports.versions(u, d, me));
        } catch (FieldException e) {
            model.addAttribute("errorKey", e.messageKey());
        }
        return "reporting/report";
    }

    @PostMapping("/reports")
    String submit(@RequestParam String unit, @RequestParam LocalDate day, @RequestParam(defaultValue = "false") boolean zero,
                  @ModelAttribute ReportEntry entry, BindingResult binding, RedirectAttributes redirect) {
        String back = "redirect:/reports?unit=" + unit + "&day=" + day;
        if (!PageForms.bound(binding, redirect)) {
            return back;
        }
        try {
            DailyReport r = reports.submit(unit, day, zero, entry.counts(), Actors.require());
            redirect.addFlashAttribute("notice", r.zero() ? "report.zeroSent" : "report.sent");
            redirect.addFlashAttribute("noticeArg", r.version());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return back;
    }

    @GetMapping("/reports/completeness")
    String completeness(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day,
                        Model model) {
        Actor me = Actors.require();
        Completeness.Overview overview = completeness.overview(jurisdiction, day, me);
        model.addAttribute("overview", overview);
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(overview.node().code(), me.scopePath()));
        return "reporting/completeness";
    }
}
