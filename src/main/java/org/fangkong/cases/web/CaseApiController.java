package org.fangkong.cases.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangkong.cases.Case;
import org.fangkong.cases.CaseFigures;
import org.fangkong.cases.CaseRegistry;
import org.fangkong.cases.Clusters;
import org.fangkong.cases.DesignatedHospitals;
import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case registry over the API: cases and their history, published counts, hospitals, figures. */
@RestController
class CaseApiController {

    record Count(String jurisdiction, LocalDate day, String status, Integer count) {
    }

    private final CaseRegistry cases;
    private final PublishedCounts counts;
    private final DesignatedHospitals hospitals;
    private final CaseFigures figures;
    private final Clusters clusters;

    CaseApiController(CaseRegistry cases, PublishedCounts counts, DesignatedHospitals hospitals, CaseFigures figures,
                      Clusters clusters) {
        this.clusters = clusters;
        this.cases = cases;
        this.counts = counts;
        this.hospitals = hospitals;
        this.figures = figures;
    }

    @PostMapping("/api/v1/cases")
    ResponseEntity<Case> record(@RequestBody CaseRegistry.CaseForm form) {
        Case c = cases.record(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).body(c);
    }

    @GetMapping("/api/v1/cases/{id}")
    Case find(@PathVariable long id) {
        return cases.find(id, Actors.require());
    }

    /** A dated change of status (e.g. suspected → confirmed, confirmed → cured); kept in the history. */
    @PostMapping("/api/v1/cases/{id}/status")
    Case change(@PathVariable long id, @RequestBody CaseForms.Change body) {
        return cases.change(id, body.status(), body.on(), body.note(), Actors.require());
    }

    @GetMapping("/api/v1/cases/{id}/history")
    List<CaseRegistry.CaseEvent> history(@PathVariable long id) {
        return cases.history(id, Actors.require());
    }

    /** A published count (公开通报) as anonymous cases: N new (confirmed, suspected, asymptomatic) or N moved on (cured, died, excluded). */
    @PostMapping("/api/v1/cases/counts")
    Map<String, Integer> count(@RequestBody Count body) {
        return Map.of("cases", counts.apply(body.jurisdiction(), body.day(), body.status(),
                body.count() == null ? 0 : body.count(), Actors.require()));
    }

    /** Figures of a node (default the caller's scope) on a day (default today), and of each child. */
    @GetMapping("/api/v1/cases/figures")
    CaseFigures.Overview figures(@RequestParam(required = false) String jurisdiction,
                                 @RequestParam(required = false) LocalDate day) {
        return figures.overview(jurisdiction, day, Actors.require());
    }

    @PostMapping("/api/v1/hospitals")
    ResponseEntity<DesignatedHospitals.Hospital> addHospital(@RequestBody CaseForms.NewHospital body) {
        var h = hospitals.add(body.name(), body.jurisdiction(), body.beds(), body.icuBeds(), Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/hospitals/" + h.id())).body(h);
    }

    record Beds(Integer beds, Integer icuBeds) {
    }

    @PutMapping("/api/v1/hospitals/{id}")
    DesignatedHospitals.Hospital updateHospital(@PathVariable long id, @RequestBody Beds body) {
        return hospitals.update(id, body.beds(), body.icuBeds(), Actors.require());
    }

    @GetMapping("/api/v1/hospitals")
    List<DesignatedHospitals.Hospital> hospitals() {
        return hospitals.list(Actors.require());
    }

    record NewCluster(String setting, String name, String jurisdiction, List<Long> caseIds) {
    }

    /** 聚集性疫情: two or more confirmed cases within 14 days in one setting. */
    @PostMapping("/api/v1/clusters")
    ResponseEntity<Clusters.Cluster> cluster(@RequestBody NewCluster body) {
        var k = clusters.record(body.setting(), body.name(), body.jurisdiction(), body.caseIds(), Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + k.id())).body(k);
    }

    @GetMapping("/api/v1/clusters")
    List<Clusters.Cluster> clusters() {
        return clusters.list(Actors.require());
    }

    /** Households with two or more confirmed cases within 14 days, not yet a cluster: the system's suggestion. */
    @GetMapping("/api/v1/clusters/suggestions")
    List<Clusters.Suggestion> suggestions() {
        return clusters.suggestions(Actors.require());
    }
}
