package org.fangkong.enterprise.web;

import java.time.LocalDate;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.enterprise.EnterpriseReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 企业日报 from the enterprise's page: the prefilled counts sent, or 无异常 in one tap. */
@Controller
class EnterpriseReportPageController {

    /** The form as typed; {@code zero} is the 无异常 button. */
    record ReportEntry(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Integer staffOnSite, Integer newFever,
                       Integer inIsolation, String note, Boolean zero) {
    }

    private final EnterpriseReports reports;

    EnterpriseReportPageController(EnterpriseReports reports) {
        this.reports = reports;
    }

    @PostMapping("/enterprises/{id}/reports")
    String submit(@PathVariable long id, @ModelAttribute ReportEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                boolean zero = Boolean.TRUE.equals(entry.zero());
                EnterpriseReports.Counts counts = entry.staffOnSite() == null ? null : new EnterpriseReports.Counts(entry.staffOnSite(),
                        entry.newFever() == null ? 0 : entry.newFever(), entry.inIsolation() == null ? 0 : entry.inIsolation());
                EnterpriseReports.Report r = reports.submit(id, entry.day(), zero, counts, entry.note(), Actors.require());
                redirect.addFlashAttribute("notice", r.zero() ? "enterpriseReport.zeroSent" : "enterpriseReport.sent");
                redirect.addFlashAttribute("noticeArg", r.day());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/enterprises/" + id + "#daily-report";
    }
}
