package org.fangkong.enterprise.web;

import java.time.LocalDate;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.common.web.PageResult;
import org.fangkong.enterprise.EnterpriseProblems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Enterprises' problems (企业诉求): raised on the enterprise's page, answered from the task force's queue. */
@Controller
class ProblemPageController {

    /** A problem as typed: the deadline as a date input gives it. */
    record ProblemEntry(String kind, String description, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
    }

    private final EnterpriseProblems problems;

    ProblemPageController(EnterpriseProblems problems) {
        this.problems = problems;
    }

    @PostMapping("/enterprises/{id}/problems")
    String raise(@PathVariable long id, @ModelAttribute ProblemEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                EnterpriseProblems.Problem p = problems.raise(id, new EnterpriseProblems.ProblemForm(entry.kind(), entry.description(),
                        entry.dueOn()), Actors.require());
                redirect.addFlashAttribute("notice", "problem.raised");
                redirect.addFlashAttribute("noticeArg", p.heldByName());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/enterprises/" + id + "#problems";
    }

    /** The task force's queue: problems held at the caller's level or below, overdue first. */
    @GetMapping("/enterprises/problems")
    String queue(@RequestParam(required = false) String node, @RequestParam(defaultValue = "false") boolean overdue,
                 @RequestParam(required = false) Integer page, Model model) {
        Actor me = Actors.require();
        PageResult<EnterpriseProblems.Problem> result = problems.held(node, true, true, overdue, PageResult.page(page),
                PageResult.size(null), me);
        model.addAttribute("result", result);
        model.addAttribute("replies", problems.repliesOf(result.items()));
        model.addAttribute("overdue", overdue);
        model.addAttribute("scopeCode", me.scopeCode());
        return "enterprise/problems";
    }

    @PostMapping("/enterprises/problems/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String text,
               RedirectAttributes redirect) {
        Actor me = Actors.require();
        long enterprise = problems.find(id, me).enterpriseId(); // outside the caller's scope: 404 before anything else
        String back = me.is(Role.ENTERPRISE) ? "redirect:/enterprises/" + enterprise + "#problems" : "redirect:/enterprises/problems";
        try {
            EnterpriseProblems.Problem p = switch (action) {
                case "reply" -> problems.reply(id, text, me);
                case "escalate" -> problems.escalate(id, text, me);
                case "resolve" -> problems.resolve(id, text, me);
                default -> throw new FieldException("action", "validation.problem.reply");
            };
            redirect.addFlashAttribute("notice", "problem.saved");
            redirect.addFlashAttribute("noticeArg", p.enterpriseName());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return back;
    }

}
