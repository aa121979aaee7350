package org.fangkong.ledger.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.ledger.internal.LedgerEnums;
import org.fangkong.ledger.residents.Household;
import org.fangkong.ledger.residents.HouseholdColours;
import org.fangkong.ledger.residents.Resident;
import org.fangkong.ledger.residents.ResidentExcel;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
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

/**
 * The resident ledger on a phone: households of the grid worker's place, a household with its
 * members, adding a member, moving out, searching by ID number, phone or name, Excel out and in.
 */
@Controller
class ResidentPageController {

    private final ResidentLedger ledger;
    private final ResidentExcel excel;
    private final HouseholdColours colours;

    ResidentPageController(ResidentLedger ledger, ResidentExcel excel, HouseholdColours colours) {
        this.ledger = ledger;
        this.excel = excel;
        this.colours = colours;
    }

    @Bean
    static NavItem residentsNavItem() {
        return new NavItem("nav.residents", "/households", 25,
                Set.of(Role.ADMIN, Role.OFFICER, Role.GRID_WORKER, Role.COMMANDER));
    }

    @GetMapping("/households")
    String households(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Actor me = Actors.require();
        if (q != null && !q.isBlank()) {
            model.addAttribute("found", ledger.search(null, q, me));
        } else {
            var result = ledger.households(null, page, 20, me);
            model.addAttribute("result", result);
            model.addAttribute("colours", colours.of(result.items().stream().map(Household::id).toList()));
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("scopeCode", me.scopeCode());
        model.addAttribute("mayWrite", mayWrite(me));
        return "ledger/households";
    }

    @PostMapping("/households")
    String createHousehold(@RequestParam String jurisdiction, @RequestParam(required = false) String building,
                           @RequestParam(required = false) String address, RedirectAttributes redirect) {
        try {
            Household h = ledger.createHousehold(jurisdiction, building, address, Actors.require());
            return "redirect:/households/" + h.id();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/households";
        }
    }

    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        model.addAttribute("household", ledger.household(id, me));
        List<Resident> members = ledger.search(id, null, me);
        model.addAttribute("members", members);
        model.addAttribute("relations", LedgerEnums.Relation.values());
        model.addAttribute("residences", LedgerEnums.Residence.values());
        model.addAttribute("healths", LedgerEnums.Health.values());
        model.addAttribute("mayWrite", mayWrite(me));
        return "ledger/household";
    }

    @PostMapping("/households/{id}/residents")
    String addResident(@PathVariable long id, @ModelAttribute ResidentForm form, BindingResult binding,
                       RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/households/" + id;
        }
        try {
            Resident r = ledger.addResident(id, form.withFromKeyArea(Boolean.TRUE.equals(form.fromKeyArea())), Actors.require());
            redirect.addFlashAttribute("notice", "resident.added");
            redirect.addFlashAttribute("noticeArg", r.name());
        } catch (FieldException e) { // a conflict (already a member) is one too
            PageForms.flash(e, redirect);
            redirect.addFlashAttribute("typed", form);
        }
        return "redirect:/households/" + id;
    }

    /** Shows the full name, ID number and phone once, on the household page; needs a reason, audited. */
    @PostMapping("/residents/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Actor me = Actors.require();
        Resident r = ledger.resident(id, me);
        try {
            redirect.addFlashAttribute("revealed", ledger.reveal(id, reason, me));
            redirect.addFlashAttribute("revealedId", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/households/" + r.householdId();
    }

    /** Edits a member's ledger fields (relation, residence, health, key-area travel). */
    @PostMapping("/residents/{id}")
    String edit(@PathVariable long id, @ModelAttribute ResidentForm form, BindingResult binding, RedirectAttributes redirect) {
        Actor me = Actors.require();
        Resident r = ledger.resident(id, me);
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/households/" + r.householdId();
        }
        try {
            // the identity is not edited here: a correction of name or ID number is a new member
            ledger.updateResident(id, new ResidentForm(null, null, null, form.relation(), form.residence(), form.health(),
                    Boolean.TRUE.equals(form.fromKeyArea()), form.leftKeyAreaOn()), me);
            redirect.addFlashAttribute("notice", "resident.updated");
            redirect.addFlashAttribute("noticeArg", r.name());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/households/" + r.householdId();
    }

    @PostMapping("/residents/{id}/move-out")
    String moveOut(@PathVariable long id, RedirectAttributes redirect) {
        Actor me = Actors.require();
        Resident r = ledger.resident(id, me);
        try {
            ledger.moveOut(id, null, me);
            redirect.addFlashAttribute("notice", "resident.movedOut");
            redirect.addFlashAttribute("noticeArg", r.name());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/households/" + r.householdId();
    }

    @GetMapping("/residents/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String jurisdiction,
                                  @RequestParam(required = false) String reason) {
        byte[] xlsx = excel.export(jurisdiction, reason, Actors.require());
        return Downloads.xlsx("residents.xlsx", xlsx);
    }

    /** Starts the import in the background and shows its progress page. */
    @PostMapping("/residents/import")
    String importXlsx(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean validRowsOnly,
                      RedirectAttributes redirect) throws IOException {
        try {
            return "redirect:/jobs/" + excel.startImport(file.getBytes(), validRowsOnly, Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/households";
        }
    }

    private static boolean mayWrite(Actor me) {
        return me.is(Role.ADMIN) || me.is(Role.OFFICER) || me.is(Role.GRID_WORKER);
    }
}
