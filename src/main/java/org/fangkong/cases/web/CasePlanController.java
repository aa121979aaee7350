package org.fangkong.cases.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.fangkong.cases.CaseRegistry;
import org.fangkong.cases.TreatmentPlans;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 一例一方案: the severe cases' list, a case's plan page, and the API. */
@Controller
class CasePlanController {

    /** A clinical type as sent. */
    record SeverityBody(String severity, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String note) {
    }

    /** A consultation as typed on the page: the time as a local date and time in Shanghai. */
    record ConsultationEntry(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime heldAt, String experts, String notes,
                             String newPlan) {
    }

    private final TreatmentPlans plans;

    CasePlanController(TreatmentPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/cases/severe")
    String severe(@RequestParam(required = false) String jurisdiction, @RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("cases", plans.attention(jurisdiction, all, Actors.require()));
        model.addAttribute("all", all);
        return "cases/severe";
    }

    @GetMapping("/cases/{id}/plan")
    String page(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        model.addAttribute("v", plans.view(id, me));
        model.addAttribute("severities", TreatmentPlans.Severity.values());
        model.addAttribute("mayWrite", CaseRegistry.mayWrite(me));
        return "cases/plan";
    }

    @PostMapping("/cases/{id}/severity")
    String classify(@PathVariable long id, @ModelAttribute SeverityBody form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                plans.classify(id, form.severity(), form.on(), form.note(), Actors.require());
                redirect.addFlashAttribute("notice", "plan.classified");
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/cases/" + id + "/plan";
    }

    @PostMapping("/cases/{id}/plan")
    String plan(@PathVariable long id, @ModelAttribute TreatmentPlans.PlanForm form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                plans.plan(id, form, Actors.require());
                redirect.addFlashAttribute("notice", "plan.saved");
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/cases/" + id + "/plan";
    }

    @PostMapping("/cases/{id}/consultations")
    String consult(@PathVariable long id, @ModelAttribute ConsultationEntry e, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                plans.consult(id, new TreatmentPlans.ConsultationForm(e.heldAt() == null ? null
                        : e.heldAt().atZone(ShanghaiTime.ZONE).toOffsetDateTime(), e.experts(), e.notes(), e.newPlan()), Actors.require());
                redirect.addFlashAttribute("notice", "plan.consulted");
            } catch (FieldException x) {
                PageForms.flash(x, redirect);
            }
        }
        return "redirect:/cases/" + id + "/plan";
    }

    @GetMapping("/api/v1/cases/severe")
    @ResponseBody
    List<TreatmentPlans.Attention> severeApi(@RequestParam(required = false) String jurisdiction,
                                             @RequestParam(defaultValue = "false") boolean all) {
        return plans.attention(jurisdiction, all, Actors.require());
    }

    @GetMapping("/api/v1/cases/{id}/plan")
    @ResponseBody
    TreatmentPlans.View view(@PathVariable long id) {
        return plans.view(id, Actors.require());
    }

    @PostMapping("/api/v1/cases/{id}/severity")
    @ResponseBody
    TreatmentPlans.View severityApi(@PathVariable long id, @RequestBody SeverityBody body) {
        return plans.classify(id, body.severity(), body.on(), body.note(), Actors.require());
    }

    @PutMapping("/api/v1/cases/{id}/plan")
    @ResponseBody
    TreatmentPlans.View planApi(@PathVariable long id, @RequestBody TreatmentPlans.PlanForm form) {
        return plans.plan(id, form, Actors.require());
    }

    @PostMapping("/api/v1/cases/{id}/consultations")
    @ResponseBody
    TreatmentPlans.View consultApi(@PathVariable long id, @RequestBody TreatmentPlans.ConsultationForm form) {
        return plans.consult(id, form, Actors.require());
    }
}
