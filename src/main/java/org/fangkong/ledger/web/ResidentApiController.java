package org.fangkong.ledger.web;

import java.io.ByteArrayInputStream;
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
import org.fangkong.ledger.residents.Household;
import org.fangkong.ledger.residents.Resident;
import org.fangkong.ledger.residents.ResidentExcel;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.person.PersonIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Households and residents (人员构成台账) under {@code /api/v1}, scoped to the caller's subtree. */
@RestController
class ResidentApiController {

    record NewHousehold(String jurisdiction, String building, String address) {
    }

    record MoveOut(LocalDate on) {
    }

    record Reveal(String reason) {
    }


    private final ResidentLedger ledger;
    private final ResidentExcel excel;
    private final ApiProblems problems;

    ResidentApiController(ResidentLedger ledger, ResidentExcel excel, ApiProblems problems) {
        this.ledger = ledger;
        this.excel = excel;
        this.problems = problems;
    }

    /** The resident ledger of a place (or the whole scope) as xlsx with full identities; audited. */
    @GetMapping(value = "/api/v1/residents/export", produces = Downloads.XLSX)
    ResponseEntity<byte[]> export(@RequestParam(required = false) String jurisdiction,
                                  @RequestParam(required = false) String reason) {
        byte[] xlsx = excel.export(jurisdiction, reason, Actors.require());
        return Downloads.xlsx("residents.xlsx", xlsx);
    }

    /**
     * The same layout back (raw xlsx body). Any bad row: {@code 400} listing every bad row and
     * nothing written, unless {@code validRowsOnly=true}, which writes the others. With
     * {@code async=true}: {@code 202} at once, the job's progress and outcome at its Location.
     */
    @PostMapping(value = "/api/v1/residents/import", consumes = {Downloads.XLSX, "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importXlsx(@RequestBody byte[] xlsx,
                                                  @RequestParam(defaultValue = "false") boolean validRowsOnly,
                                                  @RequestParam(defaultValue = "false") boolean async,
                                                  HttpServletRequest request) {
        if (async) {
            UUID job = excel.startImport(xlsx, validRowsOnly, Actors.require());
            return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job)).body(Map.of("job", job));
        }
        ResidentExcel.ImportResult r = excel.importXlsx(new ByteArrayInputStream(xlsx), validRowsOnly, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("written", r.written(), "rejected", r.rejected(),
                "errors", problems.rowErrors(r.errors(), RequestContextUtils.getLocale(request))));
    }

    @PostMapping("/api/v1/households")
    ResponseEntity<Household> createHousehold(@RequestBody NewHousehold body) {
        Household h = ledger.createHousehold(body.jurisdiction(), body.building(), body.address(), Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/households/" + h.id())).body(h);
    }

    @GetMapping("/api/v1/households")
    PageResult<Household> households(@RequestParam(required = false) String jurisdiction,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return ledger.households(jurisdiction, page, size, Actors.require());
    }

    @GetMapping("/api/v1/households/{id}")
    Household household(@PathVariable long id) {
        return ledger.household(id, Actors.require());
    }

    @GetMapping("/api/v1/households/{id}/residents")
    List<Resident> members(@PathVariable long id) {
        return ledger.search(id, null, Actors.require());
    }

    @PostMapping("/api/v1/households/{id}/residents")
    ResponseEntity<Resident> addResident(@PathVariable long id, @RequestBody ResidentForm form) {
        Resident r = ledger.addResident(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/residents/" + r.id())).body(r);
    }

    /** {@code q}: an ID number, a mobile number or an exact name. */
    @GetMapping("/api/v1/residents")
    List<Resident> search(@RequestParam(required = false) String q) {
        return ledger.search(null, q, Actors.require());
    }

    @GetMapping("/api/v1/residents/{id}")
    Resident resident(@PathVariable long id) {
        return ledger.resident(id, Actors.require());
    }

    @PutMapping("/api/v1/residents/{id}")
    Resident update(@PathVariable long id, @RequestBody ResidentForm form) {
        return ledger.updateResident(id, form, Actors.require());
    }

    /** Full name, ID number and phone; a reason is required and the reveal is audited. */
    @PostMapping("/api/v1/residents/{id}/reveal")
    PersonIdentity reveal(@PathVariable long id, @RequestBody Reveal body) {
        return ledger.reveal(id, body.reason(), Actors.require());
    }

    @PostMapping("/api/v1/residents/{id}/move-out")
    Resident moveOut(@PathVariable long id, @RequestBody(required = false) MoveOut body) {
        return ledger.moveOut(id, body == null ? null : body.on(), Actors.require());
    }
}
