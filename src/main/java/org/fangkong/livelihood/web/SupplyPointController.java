package org.fangkong.livelihood.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.livelihood.SupplyPoint;
import org.fangkong.livelihood.SupplyPoints;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supply points: the staff's pages (a node's points and counts, one point's one-tap status), the public page, the API. */
@Controller
class SupplyPointController {

    /** A status sent alone. */
    record StatusBody(String category, String status) {
    }

    private final SupplyPoints points;
    private final Jurisdictions tree;

    SupplyPointController(SupplyPoints points, Jurisdictions tree) {
        this.points = points;
        this.tree = tree;
    }

    @Bean
    static NavItem livelihoodNavItem() {
        return new NavItem("nav.livelihood", "/livelihood", 46, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/livelihood")
    String list(@RequestParam(required = false) String node, Model model) {
        Actor me = Actors.require();
        List<SupplyPoints.Counts> counts = points.counts(node, me);
        model.addAttribute("counts", counts);
        model.addAttribute("points", points.list(counts.get(0).code(), me));
        model.addAttribute("crumbs", tree.breadcrumbs(counts.get(0).code(), me.scopePath()));
        model.addAttribute("mayRegister", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("kinds", SupplyPoint.Kind.values());
        model.addAttribute("categories", SupplyPoint.Category.values());
        return "livelihood/points";
    }

    @PostMapping("/livelihood/points")
    String register(@ModelAttribute SupplyPoints.PointForm form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                SupplyPoint p = points.register(form, Actors.require());
                redirect.addFlashAttribute("notice", "supplyPoint.registered");
                redirect.addFlashAttribute("noticeArg", p.name());
                return "redirect:/livelihood/points/" + p.id();
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/livelihood";
    }

    @GetMapping("/livelihood/points/{id}")
    String point(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        model.addAttribute("p", points.find(id, me));
        model.addAttribute("statuses", SupplyPoint.Status.values());
        model.addAttribute("mayTap", me.is(Role.GRID_WORKER) || me.is(Role.OFFICER) || me.is(Role.ADMIN));
        return "livelihood/point";
    }

    /** One tap on the point's page. */
    @PostMapping("/livelihood/points/{id}/status")
    String tap(@PathVariable long id, @RequestParam(required = false) String category, @RequestParam(required = false) String status,
               RedirectAttributes redirect) {
        try {
            points.setStatus(id, category, status, Actors.require());
            redirect.addFlashAttribute("notice", "supplyPoint.statusSaved");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/livelihood/points/" + id;
    }

    /** The public page: a village's or township's open points and how each category stands; no sign-in, no script. */
    @GetMapping("/s")
    String publicPage(@RequestParam(required = false) String at, Model model) {
        Jurisdiction root = tree.root();
        Jurisdiction node = at == null || at.isBlank() ? root : tree.find(at.strip(), root.path()).orElse(root);
        model.addAttribute("node", node);
        model.addAttribute("crumbs", tree.breadcrumbs(node.code(), root.path()));
        boolean listed = node.level() == Level.VILLAGE || node.level() == Level.TOWNSHIP;
        model.addAttribute("listed", listed);
        model.addAttribute("children", node.level() == Level.VILLAGE ? List.of() : tree.children(node.code(), root.path()));
        model.addAttribute("points", listed ? points.publicList(node) : List.of());
        return "livelihood/public";
    }

    @PostMapping("/api/v1/supply-points")
    @ResponseBody
    ResponseEntity<SupplyPoint> create(@RequestBody SupplyPoints.PointForm form) {
        SupplyPoint p = points.register(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/supply-points/" + p.id())).body(p);
    }

    @GetMapping("/api/v1/supply-points")
    @ResponseBody
    List<SupplyPoint> all(@RequestParam(required = false) String node) {
        return points.list(node, Actors.require());
    }

    @GetMapping("/api/v1/supply-points/{id}")
    @ResponseBody
    SupplyPoint one(@PathVariable long id) {
        return points.find(id, Actors.require());
    }

    @PostMapping("/api/v1/supply-points/{id}/status")
    @ResponseBody
    SupplyPoint status(@PathVariable long id, @RequestBody StatusBody body) {
        return points.setStatus(id, body.category(), body.status(), Actors.require());
    }

    @GetMapping("/api/v1/supply-points/counts")
    @ResponseBody
    List<SupplyPoints.Counts> counts(@RequestParam(required = false) String node) {
        return points.counts(node, Actors.require());
    }
}
