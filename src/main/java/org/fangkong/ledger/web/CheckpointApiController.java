package org.fangkong.ledger.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.Downloads;
import org.fangkong.ledger.checkpoints.Checkpoint;
import org.fangkong.ledger.checkpoints.CheckpointAlert;
import org.fangkong.ledger.checkpoints.DutyRoster;
import org.fangkong.ledger.checkpoints.Passage;
import org.fangkong.ledger.checkpoints.PassChecks;
import org.fangkong.ledger.checkpoints.PassageExcel;
import org.fangkong.ledger.checkpoints.PassageForm;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.checkpoints.RosterExcel;
import org.fangkong.person.PersonIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Checkpoints (卡口), their passage log and the township's fever alerts under {@code /api/v1}. */
@RestController
class CheckpointApiController {

    record NewCheckpoint(String jurisdiction, String name, String kind, String location) {
    }

    record Handling(String note) {
    }

    record PassNumber(String number) {
    }

    private final PassageLog log;
    private final DutyRoster roster;
    private final RosterExcel rosterExcel;
    private final PassageExcel passageExcel;
    private final ApiProblems problems;
    private final PassChecks passChecks;

    CheckpointApiController(PassageLog log, DutyRoster roster, RosterExcel rosterExcel,
                            PassageExcel passageExcel, ApiProblems problems, PassChecks passChecks) {
        this.passChecks = passChecks;
        this.passageExcel = passageExcel;
        this.log = log;
        this.roster = roster;
        this.rosterExcel = rosterExcel;
        this.problems = problems;
    }

    /** A key-supply transport pass checked at this gate (logged): {@code VALID}, {@code EXPIRED}, … and the pass. */
    @PostMapping("/api/v1/checkpoints/{id}/pass-checks")
    PassChecks.Result checkPass(@PathVariable long id, @RequestBody PassNumber body) {
        return passChecks.check(id, body.number(), Actors.require());
    }

    @GetMapping("/api/v1/checkpoints/{id}/pass-checks")
    List<PassChecks.PassCheck> passChecks(@PathVariable long id) {
        return passChecks.today(id, Actors.require());
    }

    @PostMapping("/api/v1/checkpoints/{id}/shifts")
    ResponseEntity<DutyRoster.Shift> addShift(@PathVariable long id, @RequestBody DutyRoster.ShiftForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(roster.add(id, form, Actors.require()));
    }

    /** Seven days from {@code from} (default today): shifts and the hours nobody covers. */
    @GetMapping("/api/v1/checkpoints/{id}/roster")
    List<DutyRoster.Day> roster(@PathVariable long id, @RequestParam(required = false) LocalDate from) {
        return roster.week(id, from, Actors.require());
    }

    @PostMapping("/api/v1/checkpoints")
    ResponseEntity<Checkpoint> create(@RequestBody NewCheckpoint body) {
        Checkpoint c = log.createCheckpoint(body.jurisdiction(), body.name(), body.kind(), body.location(), Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/checkpoints/" + c.id())).body(c);
    }

    @GetMapping("/api/v1/checkpoints")
    List<Checkpoint> checkpoints() {
        return log.checkpoints(Actors.require());
    }

    @GetMapping("/api/v1/checkpoints/{id}")
    Checkpoint checkpoint(@PathVariable long id) {
        return log.checkpoint(id, Actors.require());
    }

    /** Records a passage; a fever on entry comes back with {@code refused: true} and an {@code alertId}. */
    @PostMapping("/api/v1/checkpoints/{id}/passages")
    ResponseEntity<Passage> pass(@PathVariable long id, @RequestBody PassageForm form) {
        Passage p = log.record(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/checkpoints/" + id + "/passages/" + p.id())).body(p);
    }

    /** The day's log of one checkpoint (Asia/Shanghai day, default today). */
    @GetMapping("/api/v1/checkpoints/{id}/passages")
    List<Passage> day(@PathVariable long id, @RequestParam(required = false) LocalDate day) {
        return log.day(id, day, Actors.require());
    }

    /** The same day as a printable A4 sheet. */
    @GetMapping(value = "/api/v1/checkpoints/{id}/passages.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> sheet(@PathVariable long id, @RequestParam(required = false) LocalDate day) {
        return Downloads.pdf("passages.pdf", log.daySheet(id, day, Actors.require()));
    }

    @GetMapping(value = "/api/v1/checkpoints/{id}/passages.xlsx", produces = Downloads.XLSX)
    ResponseEntity<byte[]> workbook(@PathVariable long id, @RequestParam(required = false) LocalDate day) {
        return Downloads.xlsx("passages.xlsx", log.dayWorkbook(id, day, Actors.require()));
    }

    @GetMapping("/api/v1/checkpoint-alerts")
    List<CheckpointAlert> alerts(@RequestParam(defaultValue = "true") boolean open) {
        return log.alerts(open, Actors.require());
    }

    @PostMapping("/api/v1/checkpoint-alerts/{id}/handle")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void handle(@PathVariable long id, @RequestBody Handling body) {
        log.handle(id, body.note(), Actors.require());
    }

    /** Full name, ID number and phone of whoever passed; a reason is required and the reveal is audited. */
    @PostMapping("/api/v1/passages/{id}/reveal")
    PersonIdentity reveal(@PathVariable long id, @RequestBody ResidentApiController.Reveal body) {
        return log.reveal(id, body.reason(), Actors.require());
    }

    /** Checkpoints in scope (or of one place) and their shifts from {@code from} on (default all), as xlsx (卡口值班台账). */
    @GetMapping(value = "/api/v1/checkpoints/roster.xlsx", produces = Downloads.XLSX)
    ResponseEntity<byte[]> rosterXlsx(@RequestParam(required = false) String jurisdiction,
                                      @RequestParam(required = false) LocalDate from) {
        return Downloads.xlsx("roster.xlsx", rosterExcel.export(jurisdiction, from, Actors.require()));
    }

    /** The roster's layout back (raw xlsx body): checkpoints found by place and name, shifts by day and times. */
    @PostMapping(value = "/api/v1/checkpoints/roster/import", consumes = {Downloads.XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importRoster(@RequestBody byte[] xlsx,
                                                              @RequestParam(defaultValue = "false") boolean validRowsOnly,
                                                              HttpServletRequest request) {
        RosterExcel.ImportResult r = rosterExcel.importXlsx(xlsx, validRowsOnly, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                "checkpointsAdded", r.checkpointsAdded(), "shiftsAdded", r.shiftsAdded(), "shiftsUpdated", r.shiftsUpdated(),
                "rejected", r.rejected(),
                "errors", problems.rowErrors(r.errors(), RequestContextUtils.getLocale(request))));
    }

    /** Days {@code from}..{@code to} (default today) of the log with full identities, as xlsx; audited as an export. */
    @GetMapping(value = "/api/v1/checkpoints/{id}/passages/export", produces = Downloads.XLSX)
    ResponseEntity<byte[]> exportPassages(@PathVariable long id, @RequestParam(required = false) LocalDate from,
                                          @RequestParam(required = false) LocalDate to,
                                          @RequestParam(required = false) String reason) {
        return Downloads.xlsx("passages-" + id + ".xlsx", passageExcel.export(id, from, to, reason, Actors.require()));
    }

    /** The export's layout back into the log (a paper ledger typed up); checked as at the gate. */
    @PostMapping(value = "/api/v1/checkpoints/{id}/passages/import", consumes = {Downloads.XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importPassages(@PathVariable long id, @RequestBody byte[] xlsx,
                                                                @RequestParam(defaultValue = "false") boolean validRowsOnly,
                                                                HttpServletRequest request) {
        PassageExcel.ImportResult r = passageExcel.importXlsx(id, xlsx, validRowsOnly, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("written", r.written(), "rejected", r.rejected(),
                "errors", problems.rowErrors(r.errors(), RequestContextUtils.getLocale(request))));
    }
}
