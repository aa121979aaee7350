package org.fangkong.jurisdiction.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Grids;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.jurisdiction.SearchHit;
import org.fangkong.jurisdiction.SubtreeCounts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tree over HTTP. Nodes outside the caller's scope answer 404. */
@RestController
@RequestMapping("/api/v1/jurisdictions")
class JurisdictionApiController {

    record JurisdictionView(String code, String name, Level level, String parentCode, int childCount) {
        static JurisdictionView of(Jurisdiction j) {
            return new JurisdictionView(j.code(), j.name(), j.level(), j.parentCode(), j.childCount());
        }
    }

    record SearchHitView(String code, String name, Level level, String parentCode, int childCount, String fullName) {
        static SearchHitView of(SearchHit h) {
            Jurisdiction j = h.node();
            return new SearchHitView(j.code(), j.name(), j.level(), j.parentCode(), j.childCount(), h.fullName());
        }
    }

    record ChildView(String code, String name, Level level, String parentCode, int childCount, SubtreeCounts subtree) {
    }

    record SummaryView(JurisdictionView node, SubtreeCounts subtree, List<ChildView> children) {
    }

    record NewGrid(@NotBlank(message = "{validation.grid.nameRequired}") @Size(max = 60, message = "{validation.grid.nameTooLong}") String name) {
    }

    private final Jurisdictions jurisdictions;
    private final Grids grids;

    JurisdictionApiController(Jurisdictions jurisdictions, Grids grids) {
        this.jurisdictions = jurisdictions;
        this.grids = grids;
    }

    @GetMapping("/{code}")
    JurisdictionView one(@PathVariable String code) {
        return JurisdictionView.of(jurisdictions.require(code, Actors.require().scopePath()));
    }

    @GetMapping("/{code}/children")
    List<JurisdictionView> children(@PathVariable String code) {
        return jurisdictions.children(code, Actors.require().scopePath()).stream().map(JurisdictionView::of).toList();
    }

    /** The node, the size of its subtree per level, and each child with the size of its own subtree. */
    @GetMapping("/{code}/summary")
    SummaryView summary(@PathVariable String code) {
        String scope = Actors.require().scopePath();
        Jurisdiction node = jurisdictions.require(code, scope);
        List<ChildView> children = jurisdictions.childrenWithCounts(code, scope).stream()
                .map(c -> new ChildView(c.node().code(), c.node().name(), c.node().level(), c.node().parentCode(),
                        c.node().childCount(), c.counts()))
                .toList();
        return new SummaryView(JurisdictionView.of(node), jurisdictions.counts(code, scope), children);
    }

    @GetMapping
    PageResult<SearchHitView> search(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        if (q == null || q.isBlank()) {
            throw new FieldException("q", "validation.search.qRequired");
        }
        return jurisdictions.search(q, Actors.require().scopePath(), PageResult.page(page), PageResult.size(size))
                .map(SearchHitView::of);
    }

    @PostMapping("/{code}/grids")
    ResponseEntity<JurisdictionView> createGrid(@PathVariable String code, @Valid @RequestBody NewGrid body) {
        Actor actor = Actors.require();
        Jurisdiction grid = grids.create(code, body.name(), actor);
        return ResponseEntity.created(URI.create("/api/v1/jurisdictions/" + grid.code())).body(JurisdictionView.of(grid));
    }
}
