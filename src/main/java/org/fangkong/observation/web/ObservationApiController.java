package org.fangkong.observation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.observation.MissingReadings;
import org.fangkong.observation.ObservationAlert;
import org.fangkong.observation.ObservationAlerts;
import org.fangkong.observation.ObservationOrder;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.observation.Reading;
import org.fangkong.observation.Readings;
import org.fangkong.observation.Releases;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Home observation over the API: orders, readings, the personal link, the township's alerts. */
@RestController
class ObservationApiController {

    /** A new order with its personal link (shown once). */
    record OpenedOrder(ObservationOrder order, String link) {
    }

    record Outcome(String outcome, String note, Boolean suspectedCase) {
    }

    private final ObservationOrders orders;
    private final Readings readings;
    private final ObservationAlerts alerts;
    private final Releases releases;
    private final MissingReadings missing;

    ObservationApiController(ObservationOrders orders, Readings readings, ObservationAlerts alerts,
                             Releases releases, MissingReadings missing) {
        this.missing = missing;
        this.releases = releases;
        this.orders = orders;
        this.readings = readings;
        this.alerts = alerts;
    }

    @PostMapping("/api/v1/observation-orders")
    ResponseEntity<OpenedOrder> open(@RequestBody ObservationOrders.OrderForm form) {
        ObservationOrders.Opened opened = orders.open(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/observation-orders/" + opened.order().id()))
                .body(new OpenedOrder(opened.order(), orders.link(opened.linkToken())));
    }

    @GetMapping("/api/v1/observation-orders")
    List<ObservationOrder> list(@RequestParam(required = false) String jurisdiction,
                                @RequestParam(defaultValue = "true") boolean open) {
        return orders.list(jurisdiction, open, Actors.require());
    }

    @GetMapping("/api/v1/observation-orders/{id}")
    ObservationOrder order(@PathVariable long id) {
        return orders.find(id, Actors.require());
    }

    /** A new personal link; the old one stops working. */
    @PostMapping("/api/v1/observation-orders/{id}/link")
    Map<String, String> renewLink(@PathVariable long id) {
        return Map.of("link", orders.link(orders.renewLink(id, Actors.require())));
    }

    @PostMapping("/api/v1/observation-orders/{id}/readings")
    ResponseEntity<Reading> record(@PathVariable long id, @RequestBody Readings.ReadingForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(readings.record(id, form, Actors.require()));
    }

    @GetMapping("/api/v1/observation-orders/{id}/readings")
    List<Reading> readings(@PathVariable long id) {
        return readings.readings(id, Actors.require());
    }

    @GetMapping("/api/v1/observation-alerts")
    List<ObservationAlert> alerts(@RequestParam(defaultValue = "true") boolean open) {
        return alerts.alerts(open, Actors.require());
    }

    /** {@code outcome} ∈ FEVER_CLINIC, DESIGNATED_HOSPITAL, RULED_OUT; {@code suspectedCase} opens a suspected case; audited. */
    @PostMapping("/api/v1/observation-alerts/{id}/outcome")
    ObservationAlert outcome(@PathVariable long id, @RequestBody Outcome body) {
        return alerts.outcome(id, body.outcome(), body.note(), Boolean.TRUE.equals(body.suspectedCase()), Actors.require());
    }

    @PostMapping("/api/v1/observation-orders/{id}/release")
    ObservationOrder release(@PathVariable long id) {
        return releases.release(id, Actors.require());
    }

    /** Releases every order of one village, community or grid whose 14 days are over and that is not escalated. */
    @PostMapping("/api/v1/observation-orders/release")
    Map<String, Integer> releaseAll(@RequestParam String jurisdiction) {
        return Map.of("released", releases.releaseAll(jurisdiction, Actors.require()));
    }

    /** 解除隔离医学观察告知书 as A4 PDF (the full name is on it: audited as a reveal). */
    @GetMapping(value = "/api/v1/observation-orders/{id}/release-notice.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        return Downloads.pdf("release-notice-" + id + ".pdf", releases.notice(id, Actors.require()));
    }

    /**
     * Missing readings below a node (default the caller's scope): the count per child, and the
     * people (masked) whose morning or evening reading is missing after its cut-off.
     */
    @GetMapping("/api/v1/observation-orders/missing")
    MissingReadings.Overview missing(@RequestParam(required = false) String jurisdiction) {
        return missing.overview(jurisdiction, Actors.require());
    }
}
