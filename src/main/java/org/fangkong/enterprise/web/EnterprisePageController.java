package org.fangkong.enterprise.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageForms;
import org.fangkong.common.web.PageResult;
import org.fangkong.enterprise.Enterprise;
import org.fangkong.enterprise.EnterpriseExcel;
import org.fangkong.enterprise.EnterpriseReports;
import org.fangkong.enterprise.EnterpriseForm;
import org.fangkong.enterprise.EnterpriseProblems;
import org.fangkong.enterprise.Enterprises;
import org.fangkong.enterprise.Industry;
import org.fangkong.enterprise.ResumptionFilings;
import org.fangkong.enterprise.Resumptions;
import org.fangkong.enterprise.StaffRoster;
import org.fangkong.enterprise.TransportPasses;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise pages: the registry of the area (search, state, industry), registering one, and an
 * enterprise's page with its state and history, its filing and, for its officer, the accounts bound
 * to it. An ENTERPRISE account goes straight to its own enterprise.
 */
@Controller
class EnterprisePageController {

    /** A filing as typed: the planned day as a date input gives it. */
    record FilingEntry(Boolean temperatureChecks, Boolean disinfection, Boolean suppliesThreeDays, Boolean isolationRoom,
                       Boolean staggeredMeals, String plan, String responsibleName, String responsiblePhone, Boolean pledge,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn, Integer staffExpected) {

        ResumptionFilings.FilingForm form() {
            return new ResumptionFilings.FilingForm(temperatureChecks, disinfection, suppliesThreeDays, isolationRoom, staggeredMeals,
                    plan, responsibleName, responsiblePhone, pledge, plannedOn, staffExpected);
        }
    }

    /** A state change as typed. */
    record StateEntry(String state, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Integer staffBack, String note) {
    }

    private final Enterprises enterprises;
    private final Resumptions resumptions;
    private final ResumptionFilings filings;
    private final EnterpriseExcel excel;
    private final EnterpriseProblems problems;
    private final TransportPasses passes;
    private final StaffRoster roster;
    private final EnterpriseReports reports;

    EnterprisePageController(Enterprises enterprises, Resumptions resumptions, ResumptionFilings filings, EnterpriseExcel excel,
                             EnterpriseProblems problems, TransportPasses passes, StaffRoster roster, EnterpriseReports reports) {
        this.enterprises = enterprises;
        this.resumptions = resumptions;
        this.filings = filings;
        this.excel = excel;
        this.problems = problems;
        this.passes = passes;
        this.roster = roster;
        this.reports = reports;
    }

    @Bean
    static NavItem enterprisesNavItem() {
        return new NavItem("nav.enterprises", "/enterprises", 42, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN, Role.ENTERPRISE));
    }

    @Bean
    static QuickTask enterprisesQuickEnterprise() {
        return new QuickTask(Role.ENTERPRISE, 1, "quick.enterprise", "/enterprises");
    }

    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) String node, @RequestParam(required = false) String q,
                @RequestParam(required = false) String state, @RequestParam(required = false) String section,
                @RequestParam(required = false) Integer page, Model model) {
        Actor me = Actors.require();
        if (me.is(Role.ENTERPRISE)) {
            return enterprises.own(me).map(id -> "redirect:/enterprises/" + id).orElse("enterprise/unbound");
        }
        PageResult<Enterprise> result = enterprises.list(new Enterprises.Filter(node, q, state, section, null),
                PageResult.page(page), PageResult.size(null), me);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        model.addAttribute("section", section);
        model.addAttribute("node", node);
        model.addAttribute("states", Enterprise.State.values());
        model.addAttribute("sections", Industry.values());
        model.addAttribute("mayRegister", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        return "enterprise/list";
    }

    @GetMapping("/enterprises/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String node) {
        return Downloads.xlsx("enterprises.xlsx", excel.export(node, Actors.require()));
    }

    /** Starts the import in the background and shows its progress page. */
    @PostMapping("/enterprises/import")
    String importXlsx(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean validRowsOnly,
                      RedirectAttributes redirect) throws IOException {
        try {
            return "redirect:/jobs/" + excel.startImport(file.getBytes(), validRowsOnly, Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/enterprises";
        }
    }

    @GetMapping("/enterprises/new")
    String newForm(Model model) {
        model.addAttribute("form", new EnterpriseForm("", "", "", "", "SMALL", false, false, false, Actors.require().scopeCode(),
                "", "", null));
        return formPage(model);
    }

    @PostMapping("/enterprises")
    String create(@ModelAttribute("form") EnterpriseForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Enterprise e = enterprises.register(form, Actors.require());
                redirect.addFlashAttribute("notice", "enterprise.registered");
                redirect.addFlashAttribute("noticeArg", e.name());
                return "redirect:/enterprises/" + e.id();
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        return formPage(model);
    }

    private String formPage(Model model) {
        model.addAttribute("sizes", Enterprise.SizeClass.values());
        model.addAttribute("sections", Industry.values());
        return "enterprise/form";
    }

    @GetMapping("/enterprises/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        Enterprise e = enterprises.find(id, me);
        List<ResumptionFilings.Filing> filed = filings.of(id, me);
        boolean mayAct = me.is(Role.ENTERPRISE) || me.is(Role.OFFICER) || me.is(Role.ADMIN);
        boolean officer = me.is(Role.OFFICER) || me.is(Role.ADMIN);
        boolean open = filed.stream().anyMatch(f -> f.status() == ResumptionFilings.Status.SUBMITTED);
        model.addAttribute("enterprise", e);
        model.addAttribute("history", resumptions.history(id, me));
        model.addAttribute("filings", filed);
        model.addAttribute("mayFile", mayAct && e.state() == Enterprise.State.NOT_RESUMED && !open);
        model.addAttribute("mayReport", mayAct && e.state() != Enterprise.State.NOT_RESUMED);
        model.addAttribute("officer", officer);
        model.addAttribute("accounts", officer ? enterprises.accountsOf(id, me) : List.of());
        model.addAttribute("sectionName", Industry.valueOf(e.section()).chinese());
        List<EnterpriseProblems.Problem> raised = problems.of(id, me);
        model.addAttribute("problems", raised);
        model.addAttribute("problemReplies", problems.repliesOf(raised));
        model.addAttribute("problemKinds", EnterpriseProblems.Kind.values());
        model.addAttribute("passes", passes.of(id, me));
        model.addAttribute("staff", mayAct ? roster.of(id, me) : List.of());
        boolean working = e.state() == Enterprise.State.RESUMED || e.state() == Enterprise.State.FULL_PRODUCTION;
        if (mayAct && working) {
            LocalDate day = reports.yesterday();
            model.addAttribute("reportDay", day);
            model.addAttribute("reportsFromTomorrow", !reports.resumedOn(id, day));
            model.addAttribute("reportPrefill", reports.prefill(id, day, me));
            model.addAttribute("reportSent", reports.versions(id, day, me).stream().filter(EnterpriseReports.Report::current)
                    .findFirst().orElse(null));
        }
        return "enterprise/detail";
    }

    @PostMapping("/enterprises/{id}/filings")
    String file(@PathVariable long id, @ModelAttribute FilingEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                filings.submit(id, entry.form(), Actors.require());
                redirect.addFlashAttribute("notice", "filing.submitted");
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/enterprises/" + id;
    }

    @PostMapping("/enterprises/{id}/state")
    String report(@PathVariable long id, @ModelAttribute StateEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Enterprise e = resumptions.change(id, new Resumptions.StateChange(entry.state(), entry.day(), entry.staffBack(),
                        entry.note()), Actors.require());
                redirect.addFlashAttribute("notice", "enterprise.stateSaved");
                redirect.addFlashAttribute("noticeArg", e.name());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/enterprises/" + id;
    }

    @PostMapping("/enterprises/{id}/accounts")
    String assign(@PathVariable long id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
        try {
            enterprises.assignAccount(id, username, Actors.require());
            redirect.addFlashAttribute("notice", "enterprise.accountBound");
            redirect.addFlashAttribute("noticeArg", username);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/enterprises/" + id;
    }
}
