package org.fangkong.enterprise.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.PageResult;
import org.fangkong.enterprise.Enterprise;
import org.fangkong.enterprise.EnterpriseExcel;
import org.fangkong.enterprise.EnterpriseForm;
import org.fangkong.enterprise.EnterpriseProblems;
import org.fangkong.enterprise.Enterprises;
import org.fangkong.enterprise.ResumptionFilings;
import org.fangkong.enterprise.ResumptionFilings.Filing;
import org.fangkong.enterprise.ResumptionFilings.FilingForm;
import org.fangkong.enterprise.ResumptionRates;
import org.fangkong.enterprise.Resumptions;
import org.fangkong.enterprise.EnterpriseReports;
import org.fangkong.enterprise.StaffExcel;
import org.fangkong.enterprise.StaffRoster;
import org.fangkong.enterprise.TransportPasses;
import org.fangkong.enterprise.Resumptions.HistoryRow;
import org.fangkong.enterprise.Resumptions.StateChange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The enterprise registry, filings, states and rates over HTTP (docs/api.md: Enterprises). */
@RestController
@RequestMapping("/api/v1")
class EnterpriseApiController {

    record AccountForm(String username) {
    }

    record ReasonForm(String reason) {
    }

    private final Enterprises enterprises;
    private final Resumptions resumptions;
    private final ResumptionFilings filings;
    private final ResumptionRates rates;
    private final EnterpriseExcel excel;
    private final EnterpriseProblems problems;
    private final TransportPasses passes;
    private final StaffRoster roster;
    private final StaffExcel staffExcel;
    private final EnterpriseReports reports;
    private final ApiProblems apiProblems;

    EnterpriseApiController(Enterprises enterprises, Resumptions resumptions, ResumptionFilings filings, ResumptionRates rates,
                            EnterpriseExcel excel, EnterpriseProblems problems, TransportPasses passes, StaffRoster roster,
                            StaffExcel staffExcel, EnterpriseReports reports, ApiProblems apiProblems) {
        this.enterprises = enterprises;
        this.resumptions = resumptions;
        this.filings = filings;
        this.rates = rates;
        this.excel = excel;
        this.problems = problems;
        this.passes = passes;
        this.roster = roster;
        this.staffExcel = staffExcel;
        this.reports = reports;
        this.apiProblems = apiProblems;
    }

    @PostMapping("/enterprises")
    ResponseEntity<Enterprise> register(@RequestBody EnterpriseForm form) {
        Enterprise e = enterprises.register(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.id())).body(e);
    }

    @GetMapping("/enterprises")
    PageResult<Enterprise> list(@RequestParam(required = false) String node, @RequestParam(required = false) String q,
                                @RequestParam(required = false) String state, @RequestParam(required = false) String section,
                                @RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return enterprises.list(new Enterprises.Filter(node, q, state, section, aboveScale), PageResult.page(page),
                PageResult.size(size), Actors.require());
    }

    @GetMapping(value = "/enterprises/export", produces = Downloads.XLSX)
    ResponseEntity<byte[]> export(@RequestParam(required = false) String node) {
        return Downloads.xlsx("enterprises.xlsx", excel.export(node, Actors.require()));
    }

    /**
     * The export's layout back (raw xlsx body). Any bad row: {@code 400} listing every bad row and
     * nothing written, unless {@code validRowsOnly=true}. With {@code async=true}: {@code 202} at
     * once, the job's progress and outcome at its Location.
     */
    @PostMapping(value = "/enterprises/import", consumes = {Downloads.XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importXlsx(@RequestBody byte[] xlsx, @RequestParam(defaultValue = "false") boolean validRowsOnly,
                                                   @RequestParam(defaultValue = "false") boolean async, HttpServletRequest request) {
        if (async) {
            UUID job = excel.startImport(xlsx, validRowsOnly, Actors.require());
            return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job)).body(Map.of("job", job));
        }
        EnterpriseExcel.ImportResult r = excel.importXlsx(xlsx, validRowsOnly, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("written", r.written(), "added", r.added(),
                "updated", r.updated(), "rejected", r.rejected(),
                "errors", apiProblems.rowErrors(r.errors(), RequestContextUtils.getLocale(request))));
    }

    @GetMapping("/enterprises/{id}")
    Enterprise one(@PathVariable long id) {
        return enterprises.find(id, Actors.require());
    }

    @PutMapping("/enterprises/{id}")
    Enterprise update(@PathVariable long id, @RequestBody EnterpriseForm form) {
        return enterprises.update(id, form, Actors.require());
    }

    @PostMapping("/enterprises/{id}/accounts")
    Map<String, List<String>> assign(@PathVariable long id, @RequestBody AccountForm form) {
        enterprises.assignAccount(id, form.username(), Actors.require());
        return Map.of("accounts", enterprises.accountsOf(id, Actors.require()));
    }

    @PostMapping("/enterprises/{id}/state")
    Enterprise changeState(@PathVariable long id, @RequestBody StateChange change) {
        return resumptions.change(id, change, Actors.require());
    }

    @GetMapping("/enterprises/{id}/history")
    List<HistoryRow> history(@PathVariable long id) {
        return resumptions.history(id, Actors.require());
    }

    @PostMapping("/enterprises/{id}/filings")
    ResponseEntity<Filing> file(@PathVariable long id, @RequestBody FilingForm form) {
        Filing f = filings.submit(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/filings/" + f.id())).body(f);
    }

    @GetMapping("/enterprises/{id}/filings")
    List<Filing> filingsOf(@PathVariable long id) {
        return filings.of(id, Actors.require());
    }

    @GetMapping("/filings")
    PageResult<Filing> waiting(@RequestParam(required = false) String node, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return filings.waiting(node, PageResult.page(page), PageResult.size(size), Actors.require());
    }

    @GetMapping("/filings/{id}")
    Filing filing(@PathVariable long id) {
        return filings.find(id, Actors.require());
    }

    @PostMapping("/filings/{id}/approve")
    Filing approve(@PathVariable long id) {
        return filings.approve(id, Actors.require());
    }

    @PostMapping("/filings/{id}/return")
    Filing returnFiling(@PathVariable long id, @RequestBody ReasonForm form) {
        return filings.returnFiling(id, form.reason(), Actors.require());
    }

    @PostMapping("/filings/{id}/contact")
    ResumptionFilings.Contact contact(@PathVariable long id, @RequestBody ReasonForm form) {
        return filings.contact(id, form.reason(), Actors.require());
    }

    @PostMapping("/enterprises/{id}/problems")
    ResponseEntity<EnterpriseProblems.Problem> raise(@PathVariable long id, @RequestBody EnterpriseProblems.ProblemForm form) {
        EnterpriseProblems.Problem p = problems.raise(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/problems/" + p.id())).body(p);
    }

    @GetMapping("/enterprises/{id}/problems")
    List<EnterpriseProblems.Problem> problemsOf(@PathVariable long id) {
        return problems.of(id, Actors.require());
    }

    @GetMapping("/problems")
    PageResult<EnterpriseProblems.Problem> held(@RequestParam(required = false) String node,
                                                @RequestParam(defaultValue = "true") boolean below,
                                                @RequestParam(defaultValue = "true") boolean open,
                                                @RequestParam(defaultValue = "false") boolean overdue,
                                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return problems.held(node, below, open, overdue, PageResult.page(page), PageResult.size(size), Actors.require());
    }

    record ProblemView(EnterpriseProblems.Problem problem, List<EnterpriseProblems.Reply> replies) {
    }

    @GetMapping("/problems/{id}")
    ProblemView problem(@PathVariable long id) {
        return new ProblemView(problems.find(id, Actors.require()), problems.replies(id, Actors.require()));
    }

    record TextForm(String text) {
    }

    @PostMapping("/problems/{id}/replies")
    EnterpriseProblems.Problem reply(@PathVariable long id, @RequestBody TextForm form) {
        return problems.reply(id, form.text(), Actors.require());
    }

    @PostMapping("/problems/{id}/escalate")
    EnterpriseProblems.Problem escalate(@PathVariable long id, @RequestBody TextForm form) {
        return problems.escalate(id, form.text(), Actors.require());
    }

    @PostMapping("/problems/{id}/resolve")
    EnterpriseProblems.Problem resolve(@PathVariable long id, @RequestBody TextForm form) {
        return problems.resolve(id, form.text(), Actors.require());
    }

    @PostMapping("/enterprises/{id}/passes")
    ResponseEntity<TransportPasses.TransportPass> issue(@PathVariable long id, @RequestBody TransportPasses.PassForm form) {
        TransportPasses.TransportPass p = passes.issue(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/passes/" + p.id())).body(p);
    }

    @GetMapping("/enterprises/{id}/passes")
    List<TransportPasses.TransportPass> passesOf(@PathVariable long id) {
        return passes.of(id, Actors.require());
    }

    @GetMapping("/passes/{id}")
    TransportPasses.TransportPass pass(@PathVariable long id) {
        return passes.find(id, Actors.require());
    }

    @GetMapping(value = "/passes/{id}/pass.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> passPdf(@PathVariable long id) {
        return Downloads.pdf("pass-" + id + ".pdf", passes.pdf(id, Actors.require()));
    }

    @PostMapping("/passes/{id}/revoke")
    TransportPasses.TransportPass revoke(@PathVariable long id, @RequestBody ReasonForm form) {
        return passes.revoke(id, form.reason(), Actors.require());
    }

    @PostMapping("/enterprises/{id}/staff")
    ResponseEntity<StaffRoster.Staff> addStaff(@PathVariable long id, @RequestBody StaffRoster.StaffForm form) {
        StaffRoster.Staff s = roster.add(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + id + "/staff/" + s.id())).body(s);
    }

    @GetMapping("/enterprises/{id}/staff")
    List<StaffRoster.Staff> staff(@PathVariable long id) {
        return roster.of(id, Actors.require());
    }

    @PostMapping("/enterprises/{id}/staff/{staffId}/checks")
    StaffRoster.Staff check(@PathVariable long id, @PathVariable long staffId, @RequestBody StaffRoster.CheckForm form) {
        return roster.check(id, staffId, form, Actors.require());
    }

    /** The roster template's layout back (raw xlsx body): any bad row refuses the file (400) unless {@code validRowsOnly}. */
    @PostMapping(value = "/enterprises/{id}/staff/import", consumes = {Downloads.XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importStaff(@PathVariable long id, @RequestBody byte[] xlsx,
                                                    @RequestParam(defaultValue = "false") boolean validRowsOnly,
                                                    HttpServletRequest request) {
        StaffExcel.ImportResult r = staffExcel.importXlsx(id, xlsx, validRowsOnly, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("written", r.written(), "fromOutside", r.fromOutside(),
                "rejected", r.rejected(), "errors", apiProblems.rowErrors(r.errors(), RequestContextUtils.getLocale(request))));
    }

    @PostMapping("/enterprises/{id}/staff/{staffId}/left")
    ResponseEntity<Void> left(@PathVariable long id, @PathVariable long staffId) {
        roster.left(id, staffId, Actors.require());
        return ResponseEntity.noContent().build();
    }

    /** 企业日报 as submitted: the day (yesterday when none), 无异常 as {@code zero}, the counts. */
    record ReportBody(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Boolean zero, EnterpriseReports.Counts counts,
                      String note) {
    }

    /** The day's prefill (from the roster and the checks) and every version sent. */
    @GetMapping("/enterprises/{id}/reports")
    Map<String, Object> reports(@PathVariable long id,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        LocalDate d = day == null ? reports.yesterday() : day;
        return Map.of("day", d, "prefill", reports.prefill(id, d, Actors.require()), "versions", reports.versions(id, d, Actors.require()));
    }

    @PostMapping("/enterprises/{id}/reports")
    ResponseEntity<EnterpriseReports.Report> report(@PathVariable long id, @RequestBody ReportBody body) {
        EnterpriseReports.Report r = reports.submit(id, body.day(), Boolean.TRUE.equals(body.zero()), body.counts(), body.note(),
                Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(r);
    }

    @GetMapping("/enterprise-rates")
    ResumptionRates.View rates(@RequestParam(required = false) String node,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                               @RequestParam(required = false) String section) {
        return rates.of(node, day, section, Actors.require());
    }
}
