package org.fangkong.cases.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.fangkong.cases.CaseFigures;
import org.fangkong.cases.CaseRegistry;
import org.fangkong.cases.CaseStatus;
import org.fangkong.cases.Clusters;
import org.fangkong.cases.DesignatedHospitals;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Office pages of the case registry: the day's figures with the children, the case list, one case, hospitals, clusters. */
@Controller
class CasePageController {

    private final CaseRegistry cases;
    private final CaseFigures figures;
    private final DesignatedHospitals hospitals;
    private final Clusters clusters;

    CasePageController(CaseRegistry cases, CaseFigures figures, DesignatedHospitals hospitals, Clusters clusters) {
        this.cases = cases;
        this.figures = figures;
        this.hospitals = hospitals;
        this.clusters = clusters;
    }

    @Bean
    static NavItem casesNavItem() {
        return new NavItem("nav.cases", "/cases", 34, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String status,
                @RequestParam(required = false) LocalDate day, @RequestParam(required = false) Integer page, Model model) {
        Actor me = Actors.require();
        model.addAttribute("figures", figures.overview(jurisdiction, day, me));
        model.addAttribute("cases", cases.list(jurisdiction, status, page, 50, me));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("hospitals", hospitals.list(me));
        model.addAttribute("mayWrite", CaseRegistry.mayWrite(me));
        model.addAttribute("scopeCode", me.scopeCode());
        return "cases/list";
    }

    @PostMapping("/cases")
    String record(@ModelAttribute CaseRegistry.CaseForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/cases";
        }
        try {
            return "redirect:/cases/" + cases.record(form, Actors.require()).id();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/cases";
        }
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        var c = cases.find(id, me);
        model.addAttribute("c", c);
        model.addAttribute("history", cases.history(id, me));
        model.addAttribute("next", List.of(CaseStatus.values()).stream().filter(c.status()::mayBecome).toList());
        model.addAttribute("mayWrite", CaseRegistry.mayWrite(me));
        return "cases/detail";
    }

    @PostMapping("/cases/{id}/status")
    String change(@PathVariable long id, @ModelAttribute CaseForms.Change form, BindingResult binding,
                  RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/cases/" + id;
        }
        try {
            cases.change(id, form.status(), form.on(), form.note(), Actors.require());
            redirect.addFlashAttribute("notice", "case.changed");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/clusters")
    String clusters(Model model) {
        Actor me = Actors.require();
        model.addAttribute("clusters", clusters.list(me));
        model.addAttribute("suggestions", clusters.suggestions(me));
        model.addAttribute("settings", Clusters.Setting.values());
        model.addAttribute("mayWrite", CaseRegistry.mayWrite(me));
        model.addAttribute("scopeCode", me.scopeCode());
        return "cases/clusters";
    }

    @PostMapping("/clusters")
    String cluster(@ModelAttribute CaseForms.NewCluster form, RedirectAttributes redirect) {
        try {
            List<Long> ids = form.caseIds() == null ? List.of() : Arrays.stream(form.caseIds().split("[,，\\s]+"))
                    .filter(x -> !x.isBlank()).map(Long::valueOf).toList();
            clusters.record(form.setting(), form.name(), form.jurisdiction(), ids, Actors.require());
            redirect.addFlashAttribute("notice", "cluster.recorded");
            redirect.addFlashAttribute("noticeArg", form.name());
        } catch (NumberFormatException e) {
            PageForms.flash(new FieldException("caseIds", "validation.cluster.cases"), redirect);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/clusters";
    }

    @PostMapping("/hospitals")
    String hospital(@ModelAttribute CaseForms.NewHospital form, BindingResult binding, RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/cases";
        }
        try {
            hospitals.add(form.name(), form.jurisdiction(), form.beds(), form.icuBeds(), Actors.require());
            redirect.addFlashAttribute("notice", "hospital.added");
            redirect.addFlashAttribute("noticeArg", form.name());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/cases";
    }
}
