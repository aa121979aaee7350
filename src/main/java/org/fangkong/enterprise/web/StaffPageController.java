package org.fangkong.enterprise.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.enterprise.StaffExcel;
import org.fangkong.enterprise.StaffRoster;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff roster and the daily health check on the enterprise's page. */
@Controller
class StaffPageController {

    /** A member of staff as typed: the day of return as a date input gives it. */
    record StaffEntry(String name, String idNumber, String phone, String village, String origin, String originCode,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn) {
    }

    private final StaffRoster roster;
    private final StaffExcel excel;

    StaffPageController(StaffRoster roster, StaffExcel excel) {
        this.roster = roster;
        this.excel = excel;
    }

    @GetMapping("/enterprises/staff-template")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("staff-roster.xlsx", excel.template());
    }

    /** Starts the roster import in the background and shows its progress page. */
    @PostMapping("/enterprises/{id}/staff/import")
    String importXlsx(@PathVariable long id, @RequestParam("file") MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean validRowsOnly, RedirectAttributes redirect) throws IOException {
        try {
            return "redirect:/jobs/" + excel.startImport(id, file.getBytes(), validRowsOnly, Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/enterprises/" + id + "#staff";
        }
    }

    @PostMapping("/enterprises/{id}/staff/{staffId}/left")
    String left(@PathVariable long id, @PathVariable long staffId, RedirectAttributes redirect) {
        StaffRoster.Staff s = roster.find(id, staffId, Actors.require());
        roster.left(id, staffId, Actors.require());
        redirect.addFlashAttribute("notice", "staff.leftDone");
        redirect.addFlashAttribute("noticeArg", s.name());
        return "redirect:/enterprises/" + id + "#staff";
    }

    @PostMapping("/enterprises/{id}/staff")
    String add(@PathVariable long id, @ModelAttribute StaffEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                StaffRoster.Staff s = roster.add(id, new StaffRoster.StaffForm(entry.name(), entry.idNumber(), entry.phone(),
                        entry.village(), entry.origin(), entry.originCode(), entry.returnedOn()), Actors.require());
                redirect.addFlashAttribute("notice", "staff.saved");
                redirect.addFlashAttribute("noticeArg", s.name());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/enterprises/" + id + "#staff";
    }

    /** One temperature typed on the staff list (a comma for the decimal point is fine). */
    @PostMapping("/enterprises/{id}/staff/{staffId}/checks")
    String check(@PathVariable long id, @PathVariable long staffId, @RequestParam(required = false) String temperature,
                 @RequestParam(required = false) List<String> symptoms, RedirectAttributes redirect) {
        try {
            BigDecimal t;
            try {
                t = new BigDecimal(temperature == null ? "" : temperature.strip().replace(',', '.').replace('，', '.'));
            } catch (NumberFormatException e) {
                throw new FieldException("temperature", "validation.passage.temperature");
            }
            StaffRoster.Staff s = roster.check(id, staffId, new StaffRoster.CheckForm(t, symptoms), Actors.require());
            redirect.addFlashAttribute("notice", "staff.checked");
            redirect.addFlashAttribute("noticeArg", s.name() + " " + s.temperatureToday() + " ℃");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/enterprises/" + id + "#staff";
    }
}
