package org.fangkong.zoning.web;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actors;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.zoning.Overrides;
import org.fangkong.zoning.PublishedLevels;
import org.fangkong.zoning.Zoning;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Risk levels per county per day (分区分级) over the API. */
@RestController
class ZoningApiController {

    private final Zoning zoning;
    private final Overrides overrides;
    private final PublishedLevels published;
    private final Jurisdictions jurisdictions;

    ZoningApiController(Zoning zoning, Overrides overrides, PublishedLevels published,
                        Jurisdictions jurisdictions) {
        this.published = published;
        this.jurisdictions = jurisdictions;
        this.zoning = zoning;
        this.overrides = overrides;
    }

    /** Levels of the counties at or below a node on a day; {@code rules} ∈ county-2020 (default), community-2021. */
    @GetMapping("/api/v1/zoning/levels")
    List<Zoning.CountyLevel> levels(@RequestParam(required = false) String jurisdiction,
                                    @RequestParam(required = false) LocalDate day,
                                    @RequestParam(required = false) String rules) {
        return zoning.levels(jurisdiction, day, rules, Actors.require());
    }

    @GetMapping("/api/v1/zoning/rule-sets")
    List<String> ruleSets() {
        return zoning.ruleSets();
    }

    /** One county day by day (default the last 30 days). */
    @GetMapping("/api/v1/zoning/history")
    List<Zoning.CountyLevel> history(@RequestParam String county, @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String rules) {
        return zoning.history(county, from, to, rules, Actors.require());
    }


    /** A commander's override from a day on, with a reason (audited); no {@code level} hands back to the rule set. */
    @PostMapping("/api/v1/zoning/overrides")
    ResponseEntity<Void> override(@RequestBody OverrideForm body) {
        overrides.override(body.county(), body.level(), body.from(), body.reason(), Actors.require());
        return ResponseEntity.noContent().build();
    }

    /** The latest changes of published levels (when a county went up or down), newest first. */
    @GetMapping("/api/v1/zoning/changes")
    List<PublishedLevels.Change> changes(@RequestParam(required = false) String jurisdiction,
                                                            @RequestParam(defaultValue = "50") int limit) {
        var me = Actors.require();
        return published.changes(jurisdictions.nodeOrScope(jurisdiction, me), Math.max(1, Math.min(limit, 500)));
    }
}
