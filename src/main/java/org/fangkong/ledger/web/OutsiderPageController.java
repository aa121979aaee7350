package org.fangkong.ledger.web;

import java.io.IOException;
import java.util.Set;

import org.fangkong.common.FangkongProperties;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.ledger.outsiders.Outsider;
import org.fangkong.ledger.outsiders.OutsiderCorrection;
import org.fangkong.ledger.outsiders.OutsiderExcel;
import org.fangkong.ledger.outsiders.OutsiderForm;
import org.fangkong.ledger.outsiders.OutsiderLedger;
import org.springframework.context.annotation.Bean;
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

/** The outsider ledger (外来人员登记台账) on a phone: the list (key areas first if asked) and registration. */
@Controller
class OutsiderPageController {

    private final OutsiderLedger ledger;
    private final OutsiderExcel excel;
    private final Jurisdictions tree;
    private final FangkongProperties properties;

    OutsiderPageController(OutsiderLedger ledger, OutsiderExcel excel, Jurisdictions tree, FangkongProperties properties) {
        this.ledger = ledger;
        this.excel = excel;
        this.tree = tree;
        this.properties = properties;
    }

    /** The self-registration poster for a node in scope: its QR opens {@code /arrive?at=code}. */
    @GetMapping("/outsiders/poster.pdf")
    ResponseEntity<byte[]> poster(@RequestParam(required = false) String at) {
        Jurisdiction node = tree.nodeOrScope(at, Actors.require());
        return Downloads.pdf("arrivals-" + node.code() + "-poster.pdf",
                ArrivalPoster.pdf(node.name(), properties.publicUrl() + "/arrive?at=" + node.code()));
    }

    /** Confirms a self-registered arrival as typed or corrected. */
    @PostMapping("/outsiders/{id}/confirm")
    String confirm(@PathVariable long id, @ModelAttribute OutsiderCorrection form, BindingResult binding,
                   RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Outsider o = ledger.confirm(id, form, Actors.require());
                redirect.addFlashAttribute("notice", o.fromKeyArea() ? "outsider.confirmedKeyArea" : "outsider.confirmed");
                redirect.addFlashAttribute("noticeArg", o.name());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/outsiders";
    }

    @GetMapping("/outsiders/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String jurisdiction,
                                  @RequestParam(required = false) String reason) {
        return Downloads.xlsx("outsiders.xlsx", excel.export(jurisdiction, reason, Actors.require()));
    }

    /** Starts the import in the background and shows its progress page. */
    @PostMapping("/outsiders/import")
    String importXlsx(@RequestParam("file") MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean validRowsOnly, RedirectAttributes redirect)
            throws IOException {
        try {
            return "redirect:/jobs/" + excel.startImport(file.getBytes(), validRowsOnly, Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/outsiders";
        }
    }

    @Bean
    static NavItem outsidersNavItem() {
        return new NavItem("nav.outsiders", "/outsiders", 27,
                Set.of(Role.ADMIN, Role.OFFICER, Role.GRID_WORKER, Role.COMMANDER));
    }

    @GetMapping("/outsiders")
    String list(@RequestParam(defaultValue = "false") boolean keyArea, Model model) {
        Actor me = Actors.require();
        model.addAttribute("outsiders", ledger.list(null, keyArea, me));
        model.addAttribute("keyArea", keyArea);
        model.addAttribute("scopeCode", me.scopeCode());
        model.addAttribute("mayWrite", me.is(Role.ADMIN) || me.is(Role.OFFICER) || me.is(Role.GRID_WORKER));
        return "ledger/outsiders";
    }

    @PostMapping("/outsiders")
    String register(@ModelAttribute OutsiderForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/outsiders";
        }
        try {
            Outsider o = ledger.register(form, Actors.require());
            redirect.addFlashAttribute("notice", o.fromKeyArea() ? "outsider.registeredKeyArea" : "outsider.registered");
            redirect.addFlashAttribute("noticeArg", o.name());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            redirect.addFlashAttribute("typed", form);
        }
        return "redirect:/outsiders";
    }

    /** Shows one outsider's full name, ID number and phone once, on the list; needs a reason, audited. */
    @PostMapping("/outsiders/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(defaultValue = "false") boolean keyArea, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("revealed", ledger.reveal(id, reason, Actors.require()));
            redirect.addFlashAttribute("revealedId", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return keyArea ? "redirect:/outsiders?keyArea=true" : "redirect:/outsiders";
    }
}
