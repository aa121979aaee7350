package org.fangkong.ledger.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageForms;
import org.fangkong.ledger.maps.LayoutMap;
import org.fangkong.ledger.maps.MapHousehold;
import org.fangkong.ledger.maps.VillageMaps;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 一图 pages: the plans in scope, upload, one plan with its households coloured, and placing a
 * household by tapping the plan (an image button: the tap's coordinates come with the form, no script).
 */
@Controller
class MapPageController {

    /** The width, in CSS pixels, at which the placing page shows the plan (fits a 375 px phone). */
    static final int PLACE_WIDTH = 340;

    private final VillageMaps maps;

    MapPageController(VillageMaps maps) {
        this.maps = maps;
    }

    @Bean
    static NavItem mapsNavItem() {
        return new NavItem("nav.maps", "/maps", 14, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/maps")
    String list(Model model) {
        Actor me = Actors.require();
        model.addAttribute("maps", maps.maps(me));
        model.addAttribute("mayWrite", !me.is(Role.COMMANDER));
        model.addAttribute("scopeCode", me.scopeCode());
        return "ledger/maps";
    }

    @PostMapping("/maps")
    String upload(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String name,
                  @RequestParam(required = false) MultipartFile image, RedirectAttributes redirect) throws IOException {
        try {
            LayoutMap map = maps.upload(jurisdiction, name, image == null ? null : image.getBytes(), Actors.require());
            return "redirect:/maps/" + map.id();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/maps";
        }
    }

    @GetMapping("/maps/{id}")
    String map(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        List<MapHousehold> households = maps.households(id, me);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of("RED", "YELLOW", "GREEN")) {
            counts.put(s, households.stream().filter(h -> h.status().equals(s)).count());
        }
        model.addAttribute("map", maps.map(id, me));
        model.addAttribute("households", households);
        model.addAttribute("counts", counts);
        model.addAttribute("mayWrite", !me.is(Role.COMMANDER));
        return "ledger/map";
    }

    @GetMapping("/maps/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        VillageMaps.Image image = maps.image(id, Actors.require());
        return ResponseEntity.ok().header("Content-Type", image.contentType())
                .cacheControl(CacheControl.noCache().cachePrivate()).body(image.bytes());
    }

    /** The plan as a big image button: tapping it places the chosen household there. */
    @GetMapping("/maps/{id}/place")
    String placing(@PathVariable long id, @RequestParam long household, Model model) {
        Actor me = Actors.require();
        MapHousehold h = maps.households(id, me).stream().filter(x -> x.id() == household).findFirst()
                .orElseThrow(() -> new NotFoundException("household"));
        model.addAttribute("map", maps.map(id, me));
        model.addAttribute("household", h);
        model.addAttribute("width", PLACE_WIDTH);
        return "ledger/map-place";
    }

    @PostMapping("/maps/{id}/pins")
    String place(@PathVariable long id, @RequestParam long household, @RequestParam(name = "at.x") int x,
                 @RequestParam(name = "at.y") int y, RedirectAttributes redirect) {
        Actor me = Actors.require();
        LayoutMap map = maps.map(id, me);
        try {
            maps.place(id, household, (double) x / PLACE_WIDTH, (double) y / map.heightAt(PLACE_WIDTH), me);
            redirect.addFlashAttribute("notice", "map.placed");
            redirect.addFlashAttribute("noticeArg", household);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/maps/" + id;
    }

    @PostMapping("/maps/{id}/pins/{household}/delete")
    String unplace(@PathVariable long id, @PathVariable long household) {
        maps.unplace(id, household, Actors.require());
        return "redirect:/maps/" + id;
    }
}
