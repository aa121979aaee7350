package org.fangkong.masks.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.security.Actors;
import org.fangkong.masks.Lottery;
import org.fangkong.masks.MaskAreas;
import org.fangkong.masks.MaskRound;
import org.fangkong.masks.MaskRounds;
import org.fangkong.masks.PickupPoint;
import org.fangkong.masks.PickupPoints;
import org.fangkong.masks.Reservation;
import org.fangkong.masks.ReservationForm;
import org.fangkong.masks.Reservations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Pickup points, rounds and reservations over the API; reserving is the citizens' door (no account). */
@RestController
class MaskApiController {

    /** The code the point's staff typed or scanned. */
    record Pickup(String code) {
    }

    private final PickupPoints points;
    private final MaskRounds rounds;
    private final Reservations reservations;
    private final Lottery lottery;
    private final PublicDoorLimits limits;
    private final MaskAreas areas;

    MaskApiController(PickupPoints points, MaskRounds rounds, Reservations reservations, Lottery lottery, PublicDoorLimits limits,
                      MaskAreas areas) {
        this.areas = areas;
        this.points = points;
        this.rounds = rounds;
        this.reservations = reservations;
        this.lottery = lottery;
        this.limits = limits;
    }

    @PostMapping("/api/v1/pickup-points")
    ResponseEntity<PickupPoint> register(@RequestBody PickupPoints.PointForm form) {
        PickupPoint p = points.register(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/pickup-points/" + p.id())).body(p);
    }

    /** Name, kind, address and opening hours of a point (a point does not move). */
    @PutMapping("/api/v1/pickup-points/{id}")
    PickupPoint update(@PathVariable long id, @RequestBody PickupPoints.PointEdit form) {
        return points.update(id, form, Actors.require());
    }

    @GetMapping("/api/v1/pickup-points")
    List<PickupPoint> points(@RequestParam(required = false) String jurisdiction) {
        return points.list(jurisdiction, Actors.require());
    }

    @GetMapping("/api/v1/pickup-points/{id}")
    PickupPoint point(@PathVariable long id) {
        return points.find(id, Actors.require());
    }

    /** The point's staff hand the masks over for a pickup code: once, on a pickup day. */
    @PostMapping("/api/v1/pickup-points/{id}/collect")
    Reservation collect(@PathVariable long id, @RequestBody Pickup body) {
        return reservations.collect(id, body.code(), Actors.require());
    }

    @PostMapping("/api/v1/mask-rounds")
    ResponseEntity<MaskRound> open(@RequestBody MaskRounds.RoundForm form) {
        MaskRound r = rounds.open(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/mask-rounds/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/mask-rounds/{id}")
    MaskRound round(@PathVariable long id) {
        return rounds.find(id, Actors.require());
    }

    /** A citizen's reservation: no account; the answer carries the pickup code. */
    @PostMapping("/api/v1/reservations")
    ResponseEntity<?> reserve(@RequestBody ReservationForm form, HttpServletRequest request) {
        Optional<Duration> wait = limits.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            return limits.tooMany(wait.get(), RequestContextUtils.getLocale(request));
        }
        return ResponseEntity.status(201).body(reservations.reserve(form));
    }

    /** A citizen's entry in a lottery round: no account; the answer carries the entrant's link to the result. */
    @PostMapping("/api/v1/lottery-entries")
    ResponseEntity<?> enter(@RequestBody ReservationForm form, HttpServletRequest request) {
        Optional<Duration> wait = limits.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            return limits.tooMany(wait.get(), RequestContextUtils.getLocale(request));
        }
        return ResponseEntity.status(201).body(lottery.enter(form));
    }

    /** The round's published entries (masked) with their draw values and results; staff in scope. */
    @GetMapping("/api/v1/mask-rounds/{id}/entries")
    List<Lottery.PublishedEntry> entries(@PathVariable long id) {
        return lottery.published(rounds.find(id, Actors.require()).id());
    }

    /** Masks by area: the node (default the caller's scope) and each child on a day (default today). */
    @GetMapping("/api/v1/mask-areas")
    MaskAreas.View areas(@RequestParam(required = false) String node, @RequestParam(required = false) LocalDate day) {
        return areas.of(node, day, Actors.require());
    }
}
