package org.fangkong.command.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fangkong.command.Supervision;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervision (督导): open findings per node, recording a visit, the unit's response and the confirmation; pages and API. */
@Controller
class SupervisionController {

    /** A visit as typed: up to three findings. */
    record VisitEntry(String unit, Boolean unannounced, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime visitedAt,
                      String summary, String item1, String detail1, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due1,
                      String item2, String detail2, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due2,
                      String item3, String detail3, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due3) {

        Supervision.VisitForm form() {
            List<Supervision.FindingForm> findings = new ArrayList<>();
            if (detail1 != null && !detail1.isBlank()) {
                findings.add(new Supervision.FindingForm(item1, detail1, due1));
            }
            if (detail2 != null && !detail2.isBlank()) {
                findings.add(new Supervision.FindingForm(item2, detail2, due2));
            }
            if (detail3 != null && !detail3.isBlank()) {
                findings.add(new Supervision.FindingForm(item3, detail3, due3));
            }
            return new Supervision.VisitForm(unit, unannounced, visitedAt == null ? null : visitedAt.atZone(ShanghaiTime.ZONE).toOffsetDateTime(),
                    summary, findings);
        }
    }

    record ResponseText(String response) {
    }

    record ConfirmBody(Boolean accepted) {
    }

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    @Bean
    static NavItem supervisionNavItem() {
        return new NavItem("nav.supervision", "/supervision", 5, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/supervision")
    String page(@RequestParam(required = false) String node, Model model) {
        Actor me = Actors.require();
        List<Supervision.OpenCount> counts = supervision.counts(node, me);
        model.addAttribute("counts", counts);
        model.addAttribute("findings", supervision.open(counts.get(0).code(), me));
        model.addAttribute("mayInspect", !me.is(Role.GRID_WORKER));
        model.addAttribute("items", Supervision.Item.values());
        model.addAttribute("myUnit", me.scopeCode());
        return "command/supervision";
    }

    @PostMapping("/supervision/visits")
    String record(@ModelAttribute VisitEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Supervision.Visit v = supervision.record(entry.form(), Actors.require());
                redirect.addFlashAttribute("notice", "supervision.recorded");
                redirect.addFlashAttribute("noticeArg", v.findings().size());
                return "redirect:/supervision/visits/" + v.id();
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supervision";
    }

    @GetMapping("/supervision/visits/{id}")
    String visit(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        Supervision.Visit v = supervision.visit(id, me);
        model.addAttribute("v", v);
        model.addAttribute("photos", supervision.photos(v));
        model.addAttribute("myUnit", me.scopeCode());
        model.addAttribute("mayConfirm", !me.is(Role.GRID_WORKER));
        return "command/visit";
    }

    @PostMapping("/supervision/findings/{id}/response")
    String respond(@PathVariable long id, @RequestParam(required = false) String response, RedirectAttributes redirect) {
        try {
            Supervision.Finding f = supervision.respond(id, response, Actors.require());
            redirect.addFlashAttribute("notice", "supervision.responded");
            return "redirect:/supervision/visits/" + f.visitId();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/supervision";
        }
    }

    @PostMapping("/supervision/findings/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "true") boolean accepted, RedirectAttributes redirect) {
        try {
            Supervision.Finding f = supervision.confirm(id, accepted, Actors.require());
            redirect.addFlashAttribute("notice", accepted ? "supervision.closed" : "supervision.reopened");
            return "redirect:/supervision/visits/" + f.visitId();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/supervision";
        }
    }

    @PostMapping("/supervision/findings/{id}/photos")
    String photo(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            if (file.getSize() > Supervision.MAX_PHOTO) {
                throw new FieldException("photo", "validation.supervision.photo");
            }
            supervision.addPhoto(id, file.getBytes(), Actors.require());
            redirect.addFlashAttribute("notice", "supervision.photoAdded");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/supervision/visits/" + supervision.finding(id, Actors.require()).visitId();
    }

    @GetMapping({"/supervision/photos/{id}", "/api/v1/supervision/photos/{id}"})
    @ResponseBody
    ResponseEntity<byte[]> photoFile(@PathVariable long id) {
        Supervision.Photo p = supervision.photo(id, Actors.require());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.mediaType())).header("Cache-Control", "private, no-store")
                .body(p.content());
    }

    @PostMapping("/api/v1/supervision/visits")
    @ResponseBody
    ResponseEntity<Supervision.Visit> create(@RequestBody Supervision.VisitForm form) {
        Supervision.Visit v = supervision.record(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/supervision/visits/" + v.id())).body(v);
    }

    @GetMapping("/api/v1/supervision/visits/{id}")
    @ResponseBody
    Supervision.Visit visitApi(@PathVariable long id) {
        return supervision.visit(id, Actors.require());
    }

    @GetMapping("/api/v1/supervision/findings")
    @ResponseBody
    List<Supervision.Finding> openApi(@RequestParam(required = false) String node) {
        return supervision.open(node, Actors.require());
    }

    @GetMapping("/api/v1/supervision/counts")
    @ResponseBody
    List<Supervision.OpenCount> countsApi(@RequestParam(required = false) String node) {
        return supervision.counts(node, Actors.require());
    }

    @PostMapping("/api/v1/supervision/findings/{id}/response")
    @ResponseBody
    Supervision.Finding respondApi(@PathVariable long id, @RequestBody ResponseText body) {
        return supervision.respond(id, body.response(), Actors.require());
    }

    @PostMapping("/api/v1/supervision/findings/{id}/confirm")
    @ResponseBody
    Supervision.Finding confirmApi(@PathVariable long id, @RequestBody ConfirmBody body) {
        return supervision.confirm(id, !Boolean.FALSE.equals(body.accepted()), Actors.require());
    }

    /** A photo of a finding (raw JPEG or PNG body, at most 2 MB, 3 per finding). */
    @PostMapping("/api/v1/supervision/findings/{id}/photos")
    @ResponseBody
    ResponseEntity<Void> photoApi(@PathVariable long id, @RequestBody byte[] image) {
        supervision.addPhoto(id, image, Actors.require());
        return ResponseEntity.noContent().build();
    }
}
