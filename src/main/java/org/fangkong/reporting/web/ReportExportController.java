package org.fangkong.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.fangkong.common.security.Actors;
import org.fangkong.reporting.ReportSummary;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The day's report summary of any node in scope as xlsx or as a printable PDF, for pages and the API alike. */
@RestController
class ReportExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportSummary summary;

    ReportExportController(ReportSummary summary) {
        this.summary = summary;
    }

    @GetMapping({"/reports/summary.xlsx", "/api/v1/reports/summary.xlsx"})
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day) {
        ReportSummary.Sheet sheet = summary.of(jurisdiction, day, Actors.require());
        return file(summary.xlsx(sheet), XLSX, sheet, "xlsx");
    }

    @GetMapping({"/reports/summary.pdf", "/api/v1/reports/summary.pdf"})
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) LocalDate day) {
        ReportSummary.Sheet sheet = summary.of(jurisdiction, day, Actors.require());
        return file(summary.pdf(sheet), MediaType.APPLICATION_PDF, sheet, "pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, ReportSummary.Sheet sheet, String ext) {
        String name = sheet.node().name() + "-" + sheet.day() + "-日报告汇总." + ext;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
