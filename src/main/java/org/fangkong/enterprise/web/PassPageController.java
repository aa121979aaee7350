package org.fangkong.enterprise.web;

import java.time.LocalDate;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.enterprise.TransportPasses;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Key-supply transport passes on the enterprise's page: issued by its officer, printed, revoked. */
@Controller
class PassPageController {

    /** A pass as typed: the days as date inputs give them. */
    record PassEntry(String plate, String driverName, String driverPhone, String goods, String route,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo) {
    }

    private final TransportPasses passes;

    PassPageController(TransportPasses passes) {
        this.passes = passes;
    }

    @PostMapping("/enterprises/{id}/passes")
    String issue(@PathVariable long id, @ModelAttribute PassEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                TransportPasses.TransportPass p = passes.issue(id, new TransportPasses.PassForm(entry.plate(), entry.driverName(),
                        entry.driverPhone(), entry.goods(), entry.route(), entry.validFrom(), entry.validTo()), Actors.require());
                redirect.addFlashAttribute("notice", "pass.issued");
                redirect.addFlashAttribute("noticeArg", p.number());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/enterprises/" + id + "#passes";
    }

    @GetMapping("/enterprises/passes/{id}/pass.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return Downloads.pdf("pass-" + id + ".pdf", passes.pdf(id, Actors.require()));
    }

    @PostMapping("/enterprises/passes/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        TransportPasses.TransportPass p = passes.find(id, Actors.require());
        try {
            passes.revoke(id, reason, Actors.require());
            redirect.addFlashAttribute("notice", "pass.revokedNotice");
            redirect.addFlashAttribute("noticeArg", p.number());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/enterprises/" + p.enterpriseId() + "#passes";
    }
}
