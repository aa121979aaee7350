package org.fangkong.reporting.web;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actors;
import org.fangkong.reporting.Completeness;
import org.fangkong.reporting.DailyReport;
import org.fangkong.reporting.DailyReports;
import org.fangkong.reporting.ReportRollup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Daily and zero reports over the API: prefill, submit or correct, versions, completeness. */
@RestController
class ReportApiController {

    record Submission(String unit, LocalDate day, Boolean zero, DailyReport.Counts counts) {
    }

    private final DailyReports reports;
    private final Completeness completeness;
    private final ReportRollup rollup;

    ReportApiController(DailyReports reports, Completeness completeness, ReportRollup rollup) {
        this.reports = reports;
        this.completeness = completeness;
        this.rollup = rollup;
    }

    @GetMapping("/api/v1/reports/prefill")
    DailyReport.Counts prefill(@RequestParam String unit, @RequestParam(required = false) LocalDate day) {
        return reports.prefill(unit, day, Actors.require());
    }

    /** Submits a report (a second one for the same unit and day is a correction: a new version). */
    @PostMapping("/api/v1/reports")
    ResponseEntity<DailyReport> submit(@RequestBody Submission body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.submit(body.unit(), body.day(),
                Boolean.TRUE.equals(body.zero()), body.counts(), Actors.require()));
    }

    @GetMapping("/api/v1/reports/versions")
    List<DailyReport> versions(@RequestParam String unit, @RequestParam LocalDate day) {
        return reports.versions(unit, day, Actors.require());
    }

    /** Completeness and timeliness of a node (default the caller's scope) for a day (default yesterday), per child, with the units missing. */
    @GetMapping("/api/v1/reports/completeness")
    Completeness.Overview completeness(@RequestParam(required = false) String jurisdiction,
                                       @RequestParam(required = false) LocalDate day) {
        return completeness.overview(jurisdiction, day, Actors.require());
    }

    /** The day's reports summed for a node (default the caller's scope) and for each child. */
    @GetMapping("/api/v1/reports/rollup")
    ReportRollup.Overview rollup(@RequestParam(required = false) String jurisdiction,
                                                        @RequestParam(required = false) LocalDate day) {
        return rollup.overview(jurisdiction, day, Actors.require());
    }
}
