package org.fangkong.masks.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.fangkong.common.security.Actors;
import org.fangkong.masks.MedicineRegister;
import org.fangkong.masks.MedicineSale;
import org.fangkong.masks.MedicineSuspensions;
import org.fangkong.masks.PickupPoints;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pharmacies' fever medicine register (发热咳嗽药品购买登记) over the API: the counter records,
 * the village follows up, a city suspends the sales; and which accounts serve a pickup point.
 */
@RestController
class MedicineApiController {

    /** {@code outcome}: a {@link MedicineSale.Outcome} by name. */
    record FollowUp(String outcome, String note) {
    }

    record Reason(String reason) {
    }

    record Note(String note) {
    }

    record StaffAccount(String username) {
    }

    private final MedicineRegister register;
    private final MedicineSuspensions suspensions;
    private final PickupPoints points;

    MedicineApiController(MedicineRegister register, MedicineSuspensions suspensions, PickupPoints points) {
        this.register = register;
        this.suspensions = suspensions;
        this.points = points;
    }

    @PostMapping("/api/v1/pickup-points/{id}/medicine-sales")
    ResponseEntity<MedicineSale> record(@PathVariable long id, @RequestBody MedicineSale.Form form) {
        MedicineSale s = register.record(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/medicine-sales/" + s.id())).body(s);
    }

    @GetMapping("/api/v1/pickup-points/{id}/medicine-sales")
    List<MedicineSale> atPoint(@PathVariable long id) {
        return register.atPoint(id, Actors.require());
    }

    @GetMapping("/api/v1/medicine-follow-ups")
    List<MedicineSale> followUps(@RequestParam(defaultValue = "true") boolean open) {
        return register.followUps(open, Actors.require());
    }

    @PostMapping("/api/v1/medicine-sales/{id}/follow-up")
    MedicineSale followUp(@PathVariable long id, @RequestBody FollowUp body) {
        return register.followUp(id, body.outcome(), body.note(), Actors.require());
    }

    @PostMapping("/api/v1/medicine-sales/{id}/reveal")
    MedicineSale.Buyer reveal(@PathVariable long id, @RequestBody Reason body) {
        return register.reveal(id, body.reason(), Actors.require());
    }

    @GetMapping("/api/v1/medicine-suspensions")
    List<MedicineSuspensions.Suspension> suspensions() {
        return suspensions.list(Actors.require());
    }

    @PutMapping("/api/v1/medicine-suspensions/{city}")
    MedicineSuspensions.Suspension suspend(@PathVariable String city, @RequestBody(required = false) Note body) {
        return suspensions.suspend(city, body == null ? null : body.note(), Actors.require());
    }

    @DeleteMapping("/api/v1/medicine-suspensions/{city}")
    ResponseEntity<Void> lift(@PathVariable String city) {
        suspensions.lift(city, Actors.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/pickup-points/{id}/staff")
    Map<String, List<String>> assign(@PathVariable long id, @RequestBody StaffAccount body) {
        points.assignStaff(id, body.username(), Actors.require());
        return Map.of("staff", points.staffOf(id, Actors.require()));
    }

    @GetMapping("/api/v1/pickup-points/{id}/staff")
    Map<String, List<String>> staff(@PathVariable long id) {
        return Map.of("staff", points.staffOf(id, Actors.require()));
    }
}
