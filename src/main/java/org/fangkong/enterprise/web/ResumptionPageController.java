package org.fangkong.enterprise.web;

import java.time.LocalDate;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.common.web.PageResult;
import org.fangkong.enterprise.Industry;
import org.fangkong.enterprise.ResumptionFilings;
import org.fangkong.enterprise.ResumptionRates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's queue of filings to decide, and 开工率 / 复岗率 for a node with its children and trend. */
@Controller
class ResumptionPageController {

    private final ResumptionFilings filings;
    private final ResumptionRates rates;

    ResumptionPageController(ResumptionFilings filings, ResumptionRates rates) {
        this.filings = filings;
        this.rates = rates;
    }

    @GetMapping("/enterprises/filings")
    String waiting(@RequestParam(required = false) String node, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", filings.waiting(node, PageResult.page(page), PageResult.size(null), Actors.require()));
        return "enterprise/filings";
    }

    @PostMapping("/enterprises/filings/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        ResumptionFilings.Filing f = filings.approve(id, Actors.require());
        redirect.addFlashAttribute("notice", "filing.approved");
        redirect.addFlashAttribute("noticeArg", f.enterpriseName());
        return "redirect:/enterprises/filings";
    }

    @PostMapping("/enterprises/filings/{id}/return")
    String returnFiling(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            ResumptionFilings.Filing f = filings.returnFiling(id, reason, Actors.require());
            redirect.addFlashAttribute("notice", "filing.returned");
            redirect.addFlashAttribute("noticeArg", f.enterpriseName());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/enterprises/filings";
    }

    @GetMapping("/enterprises/rates")
    String rates(@RequestParam(required = false) String node,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                 @RequestParam(required = false) String section, Model model) {
        model.addAttribute("view", rates.of(node, day, section, Actors.require()));
        model.addAttribute("sections", Industry.values());
        return "enterprise/rates";
    }
}
