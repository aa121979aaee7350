package org.fangkong.venue.web;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.PageResult;
import org.fangkong.venue.Venue;
import org.fangkong.venue.VenueDocuments;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
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

/** Venues over HTTP, with their QR image and A4 poster. */
@RestController
@RequestMapping("/api/v1/venues")
class VenueApiController {

    record VenueView(long id, String code, String checkinUrl, String name, VenueType type, String jurisdiction,
                     String jurisdictionName, String address, int defaultStayMinutes, boolean open, Instant closedAt,
                     boolean demo, Instant createdAt) {
    }

    private final Venues venues;
    private final VenueDocuments documents;

    VenueApiController(Venues venues, VenueDocuments documents) {
        this.venues = venues;
        this.documents = documents;
    }

    private VenueView view(Venue v) {
        return new VenueView(v.id(), v.code(), venues.checkinUrl(v.code()), v.name(), v.type(), v.jurisdictionCode(),
                v.jurisdictionName(), v.address(), v.defaultStayMinutes(), v.open(), v.closedAt(), v.demo(), v.createdAt());
    }

    @PostMapping
    ResponseEntity<VenueView> create(@Valid @RequestBody VenueForm form) {
        Venue v = venues.create(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/venues/" + v.id())).body(view(v));
    }

    @GetMapping
    PageResult<VenueView> list(@RequestParam(required = false) String q, @RequestParam(required = false) VenueType type,
                               @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return venues.list(Actors.require(), q, type, sort, PageResult.page(page), PageResult.size(size)).map(this::view);
    }

    @GetMapping("/{id}")
    VenueView one(@PathVariable long id) {
        return view(venues.find(id, Actors.require()));
    }

    @PutMapping("/{id}")
    VenueView update(@PathVariable long id, @Valid @RequestBody VenueForm form) {
        return view(venues.update(id, form, Actors.require()));
    }

    @PostMapping("/{id}/close")
    VenueView close(@PathVariable long id) {
        return view(venues.setClosed(id, true, Actors.require()));
    }

    @PostMapping("/{id}/reopen")
    VenueView reopen(@PathVariable long id) {
        return view(venues.setClosed(id, false, Actors.require()));
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    byte[] qr(@PathVariable long id) {
        return documents.qrPng(id, Actors.require());
    }

    @GetMapping(value = "/{id}/poster.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> poster(@PathVariable long id) {
        return Downloads.pdf("venue-" + id + "-poster.pdf", documents.posterPdf(id, Actors.require()));
    }
}
