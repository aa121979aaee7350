package org.fangkong.reporting.web;

import java.time.LocalDate;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.reporting.ReportSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The day's report summary of any node in scope as xlsx or as a printable PDF, for pages and the API alike. */
@RestController
class ReportExportController {

    private final ReportSummary summary;

    ReportExportController(ReportSummary summary) {
        this.summary = summary;
    }

    @GetMapping({"/reports/summary.xlsx", "/api/v1/reports/summary.xlsx"})
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day) {
        ReportSummary.Sheet sheet = summary.of(jurisdiction, day, Actors.require());
        return Downloads.xlsx(name(sheet) + ".xlsx", summary.xlsx(sheet));
    }

    @GetMapping({"/reports/summary.pdf", "/api/v1/reports/summary.pdf"})
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day) {
        ReportSummary.Sheet sheet = summary.of(jurisdiction, day, Actors.require());
        return Downloads.pdf(name(sheet) + ".pdf", summary.pdf(sheet));
    }

    private static String name(ReportSummary.Sheet sheet) {
        return sheet.node().name() + "-" + sheet.day() + "-日报告汇总";
    }
}
