package org.fangkong.ledger.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.fangkong.common.security.Actors;
import org.fangkong.ledger.maps.LayoutMap;
import org.fangkong.ledger.maps.MapHousehold;
import org.fangkong.ledger.maps.VillageMaps;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 一图 over the API: plans, their households with colours, and pins as fractions of the plan. */
@RestController
class MapApiController {

    private final VillageMaps maps;

    MapApiController(VillageMaps maps) {
        this.maps = maps;
    }

    @PostMapping(value = "/api/v1/maps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<LayoutMap> upload(@RequestParam(required = false) String jurisdiction,
                                     @RequestParam(required = false) String name,
                                     @RequestPart(required = false) MultipartFile image) throws IOException {
        LayoutMap map = maps.upload(jurisdiction, name, image == null ? null : image.getBytes(), Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/maps/" + map.id())).body(map);
    }

    @GetMapping("/api/v1/maps")
    List<LayoutMap> list() {
        return maps.maps(Actors.require());
    }

    @GetMapping("/api/v1/maps/{id}")
    LayoutMap map(@PathVariable long id) {
        return maps.map(id, Actors.require());
    }

    @GetMapping("/api/v1/maps/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        VillageMaps.Image image = maps.image(id, Actors.require());
        return ResponseEntity.ok().header("Content-Type", image.contentType()).body(image.bytes());
    }

    /** Every household of the plan's place with its colour (RED, YELLOW, GREEN) and pin (x, y in 0..1, null if not placed). */
    @GetMapping("/api/v1/maps/{id}/households")
    List<MapHousehold> households(@PathVariable long id) {
        return maps.households(id, Actors.require());
    }

    record Pin(Double x, Double y) {
    }

    @PutMapping("/api/v1/maps/{id}/pins/{household}")
    ResponseEntity<Void> place(@PathVariable long id, @PathVariable long household, @RequestBody Pin pin) {
        maps.place(id, household, pin.x() == null ? -1 : pin.x(), pin.y() == null ? -1 : pin.y(), Actors.require());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/maps/{id}/pins/{household}")
    ResponseEntity<Void> unplace(@PathVariable long id, @PathVariable long household) {
        maps.unplace(id, household, Actors.require());
        return ResponseEntity.noContent().build();
    }
}
