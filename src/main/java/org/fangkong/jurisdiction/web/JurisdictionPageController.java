package org.fangkong.jurisdiction.web;

import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Grids;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tree page: browse level by level (children loaded on demand with htmx), search, add grids. */
@Controller
class JurisdictionPageController {

    private final Jurisdictions jurisdictions;
    private final Grids grids;

    JurisdictionPageController(Jurisdictions jurisdictions, Grids grids) {
        this.jurisdictions = jurisdictions;
        this.grids = grids;
    }

    @Bean
    static NavItem jurisdictionNavItem() {
        return new NavItem("nav.jurisdictions", "/jurisdictions", 10, Set.of());
    }

    @Bean
    static QuickTask jurisdictionQuickAdmin() {
        return new QuickTask(Role.ADMIN, 2, "quick.tree", "/jurisdictions");
    }

    @Bean
    static QuickTask jurisdictionQuickVenueStaff() {
        return new QuickTask(Role.VENUE_STAFF, 2, "quick.tree", "/jurisdictions");
    }

    @Bean
    static QuickTask jurisdictionQuickEnterprise() {
        return new QuickTask(Role.ENTERPRISE, 3, "quick.tree", "/jurisdictions");
    }

    @Bean
    static QuickTask jurisdictionQuickPickupPoint() {
        return new QuickTask(Role.PICKUP_POINT, 2, "quick.tree", "/jurisdictions");
    }

    @GetMapping("/jurisdictions")
    String mine() {
        return "redirect:/jurisdictions/" + Actors.require().scopeCode();
    }

    @GetMapping("/jurisdictions/{code}")
    String node(@PathVariable String code, Model model) {
        Actor actor = Actors.require();
        Jurisdiction node = jurisdictions.require(code, actor.scopePath());
        model.addAttribute("node", node);
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(code, actor.scopePath()));
        model.addAttribute("counts", jurisdictions.counts(code, actor.scopePath()));
        model.addAttribute("children", jurisdictions.childrenWithCounts(code, actor.scopePath()));
        model.addAttribute("canAddGrid", node.level() == Level.VILLAGE && (actor.is(Role.OFFICER) || actor.is(Role.ADMIN)));
        return "jurisdiction/node";
    }

    /** htmx fragment: the children of one node, for expanding the tree in place. */
    @GetMapping("/jurisdictions/{code}/children")
    String children(@PathVariable String code, Model model) {
        model.addAttribute("children", jurisdictions.childrenWithCounts(code, Actors.require().scopePath()));
        return "jurisdiction/children :: list";
    }

    @GetMapping("/jurisdictions/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("result", jurisdictions.search(q, Actors.require().scopePath(), PageResult.page(page), 20));
        }
        return "jurisdiction/search";
    }

    @PostMapping("/jurisdictions/{code}/grids")
    String addGrid(@PathVariable String code, @RequestParam(required = false) String name, Model model,
                   RedirectAttributes redirect) {
        try {
            Jurisdiction grid = grids.create(code, name, Actors.require());
            redirect.addFlashAttribute("notice", "grid.created");
            redirect.addFlashAttribute("noticeArg", grid.name());
            return "redirect:/jurisdictions/" + code;
        } catch (FieldException e) {
            model.addAttribute("gridError", e.messageKey());
            model.addAttribute("gridName", name);
            return node(code, model);
        }
    }
}
