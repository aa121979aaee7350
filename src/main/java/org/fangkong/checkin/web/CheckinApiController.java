package org.fangkong.checkin.web;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.checkin.CheckinImport;
import org.fangkong.checkin.Checkins;
import org.fangkong.checkin.CheckoutReason;
import org.fangkong.checkin.Visit;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Check-in over HTTP: public check-in and check-out, and the officers' CSV import. */
@RestController
@RequestMapping("/api/v1/checkins")
class CheckinApiController {

    record NewCheckin(String venueCode, String phone) {
    }

    record VisitView(String id, String venueName, String phone, Instant checkedInAt, Instant checkedOutAt,
                     CheckoutReason checkoutReason) {
        static VisitView of(Visit v) {
            return new VisitView(v.publicId(), v.venueName(), v.phoneMasked(), v.checkedInAt(), v.checkedOutAt(), v.reason());
        }
    }

    private final Checkins checkins;
    private final CheckinImport imports;
    CheckinApiController(Checkins checkins, CheckinImport imports) {
        this.checkins = checkins;
        this.imports = imports;
    }

    @PostMapping
    ResponseEntity<VisitView> checkIn(@RequestBody NewCheckin body, HttpServletRequest request) {
        if (body.venueCode() == null || body.venueCode().isBlank()) {
            throw new FieldException("venueCode", "validation.venueCode.required");
        }
        Visit v = checkins.checkIn(body.venueCode().strip(), body.phone(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/checkins/" + v.publicId())).body(VisitView.of(v));
    }

    @PostMapping("/{id}/checkout")
    VisitView checkOut(@PathVariable String id) {
        return checkins.checkOut(id).map(VisitView::of).orElseThrow(() -> new NotFoundException("visit"));
    }

    /** CSV {@code venueCode,phone,checkedInAt,checkedOutAt}; all rows or none (bad rows: a 400 listing them). */
    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    ResponseEntity<Map<String, Integer>> importCsv(@RequestBody String csv) {
        int n = imports.importCsv(csv, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", n));
    }
}
