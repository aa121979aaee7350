package org.fangkong.ledger.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.ApiProblems;
import org.fangkong.common.web.Downloads;
import org.fangkong.ledger.outsiders.Outsider;
import org.fangkong.ledger.outsiders.OutsiderExcel;
import org.fangkong.ledger.outsiders.OutsiderForm;
import org.fangkong.ledger.outsiders.OutsiderCorrection;
import org.fangkong.ledger.outsiders.OutsiderLedger;
import org.fangkong.person.PersonIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The outsider ledger (外来人员登记台账) under {@code /api/v1/outsiders}. */
@RestController
class OutsiderApiController {

    record Left(LocalDate on) {
    }

    private final OutsiderLedger ledger;
    private final OutsiderExcel excel;
    private final ApiProblems problems;

    OutsiderApiController(OutsiderLedger ledger, OutsiderExcel excel,
                          ApiProblems problems) {
        this.ledger = ledger;
        this.excel = excel;
        this.problems = problems;
    }

    @PostMapping("/api/v1/outsiders")
    ResponseEntity<Outsider> register(@RequestBody OutsiderForm form) {
        Outsider o = ledger.register(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/outsiders/" + o.id())).body(o);
    }

    @GetMapping("/api/v1/outsiders")
    List<Outsider> list(@RequestParam(required = false) String jurisdiction,
                        @RequestParam(defaultValue = "false") boolean keyArea,
                        @RequestParam(defaultValue = "false") boolean toConfirm) {
        return ledger.list(jurisdiction, keyArea, toConfirm, Actors.require());
    }

    /** Confirms a self-registered arrival with the grid worker's corrections; a key-area origin opens home observation. */
    @PostMapping("/api/v1/outsiders/{id}/confirm")
    Outsider confirm(@PathVariable long id, @RequestBody OutsiderCorrection body) {
        return ledger.confirm(id, body, Actors.require());
    }

    @GetMapping(value = "/api/v1/outsiders.xlsx", produces = Downloads.XLSX)
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String jurisdiction,
                                @RequestParam(defaultValue = "false") boolean keyArea) {
        return Downloads.xlsx("outsiders.xlsx", ledger.xlsx(jurisdiction, keyArea, Actors.require()));
    }

    @GetMapping("/api/v1/outsiders/{id}")
    Outsider one(@PathVariable long id) {
        return ledger.find(id, Actors.require());
    }

    @PostMapping("/api/v1/outsiders/{id}/left")
    Outsider left(@PathVariable long id, @RequestBody(required = false) Left body) {
        return ledger.left(id, body == null ? null : body.on(), Actors.require());
    }

    /** Full name, ID number and phone; a reason is required and the reveal is audited. */
    @PostMapping("/api/v1/outsiders/{id}/reveal")
    PersonIdentity reveal(@PathVariable long id, @RequestBody ResidentApiController.Reveal body) {
        return ledger.reveal(id, body.reason(), Actors.require());
    }

    /** The ledger with full identities as xlsx, the layout the import takes; audited as an export. */
    @GetMapping(value = "/api/v1/outsiders/export", produces = Downloads.XLSX)
    ResponseEntity<byte[]> export(@RequestParam(required = false) String jurisdiction,
                                  @RequestParam(required = false) String reason) {
        return Downloads.xlsx("outsiders.xlsx", excel.export(jurisdiction, reason, Actors.require()));
    }

    /**
     * The export's layout back (raw xlsx body). Any bad row: {@code 400} listing every bad row and
     * nothing written, unless {@code validRowsOnly=true}.
     */
    @PostMapping(value = "/api/v1/outsiders/import", consumes = {Downloads.XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importXlsx(@RequestBody byte[] xlsx,
                                                            @RequestParam(defaultValue = "false") boolean validRowsOnly,
                                                            HttpServletRequest request) {
        OutsiderExcel.ImportResult r = excel.importXlsx(xlsx, validRowsOnly, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("written", r.written(),
                "added", r.added(), "updated", r.updated(), "rejected", r.rejected(),
                "errors", problems.rowErrors(r.errors(), RequestContextUtils.getLocale(request))));
    }
}
