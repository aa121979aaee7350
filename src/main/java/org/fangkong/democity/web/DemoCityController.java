package org.fangkong.democity.web;

import java.util.Set;

import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.democity.CitySpec;
import org.fangkong.democity.DemoCity;
import org.fangkong.democity.DemoEnabled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** The demo city for admins: start a generation, watch its progress (page polls with htmx), or by API. */
@Conditional(DemoEnabled.class)
@Controller
class DemoCityController {

    private final DemoCity city;

    DemoCityController(DemoCity city) {
        this.city = city;
    }

    @Bean
    static NavItem demoNavItem() {
        return new NavItem("nav.demo", "/demo", 95, Set.of(Role.ADMIN));
    }

    private static void requireAdmin() {
        if (!Actors.require().is(Role.ADMIN)) {
            throw new AccessDeniedException("admins only");
        }
    }

    @PostMapping("/api/v1/demo/city")
    @ResponseBody
    ResponseEntity<DemoCity.Progress> startApi(@RequestBody CitySpec spec) {
        requireAdmin();
        boolean started = city.start(spec, Actors.require().scopePath());
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(city.progress());
    }

    @GetMapping("/api/v1/demo/city")
    @ResponseBody
    DemoCity.Progress progressApi() {
        requireAdmin();
        return city.progress();
    }

    @GetMapping("/demo")
    String page(Model model) {
        requireAdmin();
        model.addAttribute("progress", city.progress());
        model.addAttribute("spec", CitySpec.small());
        return "democity/page";
    }

    @GetMapping("/demo/progress")
    String progress(Model model) {
        requireAdmin();
        model.addAttribute("progress", city.progress());
        return "democity/page :: progress";
    }

    @PostMapping("/demo")
    String start(@ModelAttribute("spec") CitySpec spec, BindingResult binding, Model model) {
        requireAdmin();
        if (!binding.hasErrors()) {
            try {
                model.addAttribute("busy", !city.start(spec, Actors.require().scopePath()));
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        model.addAttribute("progress", city.progress());
        return "democity/page";
    }
}
