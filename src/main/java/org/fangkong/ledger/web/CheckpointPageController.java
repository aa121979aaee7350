package org.fangkong.ledger.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Temperature;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageForms;
import org.fangkong.ledger.checkpoints.Checkpoint;
import org.fangkong.ledger.checkpoints.DutyRoster;
import org.fangkong.ledger.checkpoints.Passage;
import org.fangkong.ledger.checkpoints.PassChecks;
import org.fangkong.ledger.checkpoints.PassageExcel;
import org.fangkong.ledger.checkpoints.PassageForm;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.checkpoints.RosterExcel;
import org.fangkong.ledger.internal.LedgerEnums;
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
 * Checkpoint pages for the gate: the list, fast passage entry on a phone with today's log below,
 * and the township's fever alerts.
 */
@Controller
class CheckpointPageController {

    private final PassageLog log;
    private final DutyRoster roster;
    private final RosterExcel rosterExcel;
    private final PassageExcel passageExcel;
    private final PassChecks passChecks;

    CheckpointPageController(PassageLog log, DutyRoster roster, RosterExcel rosterExcel,
                             PassageExcel passageExcel, PassChecks passChecks) {
        this.passChecks = passChecks;
        this.rosterExcel = rosterExcel;
        this.passageExcel = passageExcel;
        this.log = log;
        this.roster = roster;
    }

    /** The week's duty roster with its gaps, and a form to add a shift. */
    @GetMapping("/checkpoints/{id}/roster")
    String roster(@PathVariable long id, @RequestParam(required = false) LocalDate from, Model model) {
        Actor me = Actors.require();
        LocalDate start = from == null ? roster.today() : from;
        model.addAttribute("checkpoint", log.checkpoint(id, me));
        model.addAttribute("days", roster.week(id, start, me));
        model.addAttribute("from", start);
        return "ledger/roster";
    }

    @PostMapping("/checkpoints/{id}/shifts")
    String addShift(@PathVariable long id, @ModelAttribute ShiftEntry entry, BindingResult binding,
                    RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/checkpoints/" + id + "/roster"; // the entry could not be built: no day to go back to
        }
        String back = "redirect:/checkpoints/" + id + "/roster" + (entry.day() == null ? "" : "?from=" + entry.day());
        try {
            roster.add(id, entry.form(), Actors.require());
            redirect.addFlashAttribute("notice", "shift.added");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return back;
    }

    /** A shift as typed: the staff separated by commas, 、 or spaces. */
    record ShiftEntry(LocalDate day, String start, String end, String staff, String responsible) {

        DutyRoster.ShiftForm form() {
            List<String> people = staff == null ? List.of() : Arrays.asList(staff.split("[,，、\\s]+"));
            return new DutyRoster.ShiftForm(day, start, end, people, responsible);
        }
    }

    record NewCheckpoint(String jurisdiction, String name, String kind, String location) {
    }

    /** A passage as typed at the gate: the temperature as text (37.3, 37,3 or 373). */
    record PassageEntry(String direction, String name, String idNumber, String phone, String origin, String host,
                        String purpose, String plate, String temperature) {

        PassageForm form() {
            return new PassageForm(direction, name, idNumber, phone, origin, host, purpose, plate, decimal(temperature));
        }

        /** Anything unreadable becomes a value the gate's check refuses with its message. */
        private static BigDecimal decimal(String s) {
            try {
                return Temperature.parseOrNull(s);
            } catch (InvalidValueException e) {
                return new BigDecimal("-1");
            }
        }
    }

    @Bean
    static NavItem checkpointsNavItem() {
        return new NavItem("nav.checkpoints", "/checkpoints", 30,
                Set.of(Role.ADMIN, Role.OFFICER, Role.GRID_WORKER, Role.COMMANDER));
    }

    @Bean
    static QuickTask checkpointsQuickGridWorker() {
        return new QuickTask(Role.GRID_WORKER, 1, "quick.passages", "/checkpoints");
    }

    @GetMapping("/checkpoints")
    String list(Model model) {
        Actor me = Actors.require();
        model.addAttribute("checkpoints", log.checkpoints(me));
        model.addAttribute("openAlerts", log.alerts(true, me).size());
        model.addAttribute("kinds", LedgerEnums.CheckpointKind.values());
        model.addAttribute("mayWrite", me.is(Role.ADMIN) || me.is(Role.OFFICER) || me.is(Role.GRID_WORKER));
        model.addAttribute("scopeCode", me.scopeCode());
        return "ledger/checkpoints";
    }

    /** Checkpoints and every shift from today on, as the roster's xlsx. */
    @GetMapping("/checkpoints/roster.xlsx")
    ResponseEntity<byte[]> rosterXlsx() {
        return Downloads.xlsx("roster.xlsx", rosterExcel.export(null, roster.today(), Actors.require()));
    }

    /** Starts the roster import in the background and shows its progress page. */
    @PostMapping("/checkpoints/roster/import")
    String importRoster(@RequestParam("file") MultipartFile file,
                        @RequestParam(defaultValue = "false") boolean validRowsOnly, RedirectAttributes redirect)
            throws IOException {
        try {
            return "redirect:/jobs/" + rosterExcel.startImport(file.getBytes(), validRowsOnly, Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/checkpoints";
        }
    }

    @PostMapping("/checkpoints")
    String create(@ModelAttribute NewCheckpoint form, RedirectAttributes redirect) {
        try {
            Checkpoint c = log.createCheckpoint(form.jurisdiction(), form.name(), form.kind(), form.location(), Actors.require());
            redirect.addFlashAttribute("notice", "checkpoint.created");
            redirect.addFlashAttribute("noticeArg", c.name());
            return "redirect:/checkpoints/" + c.id();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/checkpoints";
        }
    }

    @GetMapping("/checkpoints/{id}")
    String gate(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        model.addAttribute("checkpoint", log.checkpoint(id, me));
        List<Passage> today = new ArrayList<>(log.day(id, null, me));
        Collections.reverse(today); // the newest first: that is the one the guard looks for
        model.addAttribute("passages", today);
        model.addAttribute("passChecks", passChecks.today(id, me));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PassageForm("IN", "", "", "", "", "", "", "", null));
        }
        return "ledger/gate";
    }

    /** Today's log with full identities, for the village's own ledger; audited as an export. */
    @GetMapping("/checkpoints/{id}/passages/export")
    ResponseEntity<byte[]> exportPassages(@PathVariable long id, @RequestParam(required = false) String reason) {
        return Downloads.xlsx("passages-" + id + ".xlsx", passageExcel.export(id, null, null, reason, Actors.require()));
    }

    /** A paper ledger typed up in Excel, back into the log, in the background (progress page). */
    @PostMapping("/checkpoints/{id}/passages/import")
    String importPassages(@PathVariable long id, @RequestParam("file") MultipartFile file,
                          @RequestParam(defaultValue = "false") boolean validRowsOnly, RedirectAttributes redirect)
            throws IOException {
        try {
            return "redirect:/jobs/" + passageExcel.startImport(id, file.getBytes(), validRowsOnly, Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/checkpoints/" + id;
        }
    }

    @PostMapping("/checkpoints/{id}/passages")
    String pass(@PathVariable long id, @ModelAttribute PassageEntry entry, RedirectAttributes redirect) {
        PassageForm form = entry.form();
        try {
            Passage p = log.record(id, form, Actors.require());
            redirect.addFlashAttribute("recorded", p);
        } catch (FieldException e) {
            // keep what was typed, say what is wrong next to the field
            redirect.addFlashAttribute("form", form);
            PageForms.flash(e, redirect);
        }
        return "redirect:/checkpoints/" + id;
    }

    /** A key-supply transport pass checked by its number (typed or scanned): the answer, big, at the top of the gate page. */
    @PostMapping("/checkpoints/{id}/pass-checks")
    String checkPass(@PathVariable long id, @RequestParam(required = false) String number, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("passResult", passChecks.check(id, number, Actors.require()));
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/checkpoints/" + id + "#pass-check";
    }

    @GetMapping("/checkpoints/{id}/sheet.pdf")
    ResponseEntity<byte[]> sheet(@PathVariable long id,
                                                          @RequestParam(required = false) LocalDate day) {
        return Downloads.pdf("passages.pdf", log.daySheet(id, day, Actors.require()));
    }

    @GetMapping("/checkpoint-alerts")
    String alerts(@RequestParam(defaultValue = "true") boolean open, Model model) {
        Actor me = Actors.require();
        model.addAttribute("alerts", log.alerts(open, me));
        model.addAttribute("open", open);
        return "ledger/alerts";
    }

    @PostMapping("/checkpoint-alerts/{id}/handle")
    String handle(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            log.handle(id, note, Actors.require());
            redirect.addFlashAttribute("notice", "alert.handled");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/checkpoint-alerts";
    }
}
