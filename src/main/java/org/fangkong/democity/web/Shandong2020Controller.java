package org.fangkong.democity.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.democity.DemoEnabled;
import org.fangkong.democity.Shandong2020;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The replay of Shandong in February–March 2020: what it holds and where to look, and loading it (admins). */
@Conditional(DemoEnabled.class)
@Controller
class Shandong2020Controller {

    private final Shandong2020 replay;

    Shandong2020Controller(Shandong2020 replay) {
        this.replay = replay;
    }

    @GetMapping("/demo/shandong-2020")
    String page(Model model) {
        Actors.require();
        model.addAttribute("plan", replay.plan());
        return "democity/shandong-2020";
    }

    @PostMapping("/demo/shandong-2020")
    String load(RedirectAttributes redirect) {
        try {
            return "redirect:/jobs/" + replay.start(Actors.require());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/demo/shandong-2020";
        }
    }

    /** Starts loading; answers 202 with the job to poll ({@code /api/v1/jobs/{id}}), 409 when already loaded. */
    @PostMapping("/api/v1/demo/shandong-2020")
    @ResponseBody
    ResponseEntity<Map<String, UUID>> loadApi() {
        UUID job = replay.start(Actors.require());
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job)).body(Map.of("job", job));
    }

    /** The county values published only as ranges, with the value the replay uses, and whether it is loaded. */
    @GetMapping("/api/v1/demo/shandong-2020")
    @ResponseBody
    Shandong2020.Plan planApi() {
        Actors.require();
        return replay.plan();
    }
}
