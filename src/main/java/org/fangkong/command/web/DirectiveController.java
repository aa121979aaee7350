package org.fangkong.command.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangkong.command.Directive;
import org.fangkong.command.DirectiveProgress;
import org.fangkong.command.Directives;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageForms;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Directives (指令): the unit's inbox and the issuer's pages, progress, and the API. */
@Controller
class DirectiveController {

    /** A directive as typed: the deadline as a local date and time in Shanghai, units as codes separated by spaces or commas. */
    record DirectiveEntry(String title, String body, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
                          Boolean feedbackRequired, List<String> levels, String units) {

        Directives.DirectiveForm form() {
            return new Directives.DirectiveForm(title, body, deadline == null ? null : deadline.atZone(ShanghaiTime.ZONE).toOffsetDateTime(),
                    feedbackRequired != null && feedbackRequired, levels,
                    units == null || units.isBlank() ? List.of() : List.of(units.strip().split("[\\s,，、]+")));
        }
    }

    record FeedbackBody(String feedback) {
    }

    private final Directives directives;
    private final DirectiveProgress progress;
    private final Jurisdictions tree;

    DirectiveController(Directives directives, DirectiveProgress progress, Jurisdictions tree) {
        this.directives = directives;
        this.progress = progress;
        this.tree = tree;
    }

    @Bean
    static NavItem directivesNavItem() {
        return new NavItem("nav.directives", "/directives", 4, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @Bean
    static QuickTask directivesQuickCommander() {
        return new QuickTask(Role.COMMANDER, 3, "quick.directives", "/directives");
    }

    @GetMapping("/directives")
    String inbox(Model model) {
        Actor me = Actors.require();
        model.addAttribute("inbox", directives.inbox(me, false));
        model.addAttribute("issued", directives.issued(me));
        model.addAttribute("mayIssue", !me.is(Role.GRID_WORKER));
        Level mine = tree.nodeOrScope(me.scopeCode(), me).level();
        model.addAttribute("levels", List.of(Level.CITY, Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE).stream()
                .filter(l -> l.ordinal() > mine.ordinal()).toList());
        return "command/directives";
    }

    @PostMapping("/directives")
    String issue(@ModelAttribute DirectiveEntry entry, BindingResult binding, @RequestParam(required = false) MultipartFile file,
                 RedirectAttributes redirect) throws IOException {
        if (PageForms.bound(binding, redirect)) {
            try {
                Directive d = directives.issue(entry.form(), Actors.require());
                attach(d.id(), file);
                redirect.addFlashAttribute("notice", "directive.issued");
                redirect.addFlashAttribute("noticeArg", d.recipients());
                return "redirect:/directives/" + d.id() + "/progress";
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/directives";
    }

    /** The PDF attached on the form, read only after its declared size is checked (the parser already bounds the request). */
    private void attach(long id, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return;
        }
        if (file.getSize() > Directives.MAX_ATTACHMENT) {
            throw new FieldException("file", "validation.directive.attachment");
        }
        directives.attach(id, file.getOriginalFilename(), file.getBytes(), Actors.require());
    }

    @GetMapping("/directives/{id}")
    String one(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        Directive d = directives.find(id, me);
        model.addAttribute("d", d);
        Directives.Received mine;
        try {
            mine = directives.received(id, me);
        } catch (NotFoundException e) {
            mine = null;
        }
        model.addAttribute("mine", mine);
        model.addAttribute("issuer", d.issuerCode().equals(me.scopeCode()));
        model.addAttribute("mayForward", mine != null && !me.is(Role.GRID_WORKER));
        Level at = tree.nodeOrScope(me.scopeCode(), me).level();
        model.addAttribute("levels", List.of(Level.CITY, Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE).stream()
                .filter(l -> l.ordinal() > at.ordinal()).toList());
        return "command/directive";
    }

    @PostMapping("/directives/{id}/sign")
    String sign(@PathVariable long id, RedirectAttributes redirect) {
        directives.sign(id, Actors.require());
        redirect.addFlashAttribute("notice", "directive.signed");
        return "redirect:/directives/" + id;
    }

    @PostMapping("/directives/{id}/complete")
    String complete(@PathVariable long id, @RequestParam(required = false) String feedback,
                    @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            if (file != null && !file.isEmpty()) {
                if (file.getSize() > Directives.MAX_ATTACHMENT) {
                    throw new FieldException("file", "validation.directive.attachment");
                }
                directives.attachFeedback(id, file.getOriginalFilename(), file.getBytes(), Actors.require());
            }
            directives.complete(id, feedback, Actors.require());
            redirect.addFlashAttribute("notice", "directive.completed");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/directives/" + id;
    }

    @PostMapping("/directives/{id}/forward")
    String forward(@PathVariable long id, @ModelAttribute DirectiveEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Directive d = directives.forward(id, entry.form(), Actors.require());
                redirect.addFlashAttribute("notice", "directive.issued");
                redirect.addFlashAttribute("noticeArg", d.recipients());
                return "redirect:/directives/" + d.id() + "/progress";
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/directives/" + id;
    }

    @PostMapping("/directives/{id}/remind")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "directive.reminded");
        redirect.addFlashAttribute("noticeArg", directives.remind(id, Actors.require()));
        return "redirect:/directives/" + id + "/progress";
    }

    @GetMapping("/directives/{id}/progress")
    String progressPage(@PathVariable long id, @RequestParam(required = false) String node, @RequestParam(required = false) String level,
                        Model model) {
        Actor me = Actors.require();
        DirectiveProgress.View v = progress.of(id, node, level, me);
        model.addAttribute("v", v);
        model.addAttribute("issuer", v.directive().issuerCode().equals(me.scopeCode()));
        model.addAttribute("crumbs", tree.breadcrumbs(v.node().code(), me.scopePath()));
        return "command/progress";
    }

    @GetMapping({"/directives/{id}/attachment.pdf", "/api/v1/directives/{id}/attachment.pdf"})
    @ResponseBody
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return Downloads.pdf("directive-" + id + ".pdf", directives.attachment(id, Actors.require()));
    }

    @GetMapping({"/directives/{id}/units/{unit}/feedback.pdf", "/api/v1/directives/{id}/units/{unit}/feedback.pdf"})
    @ResponseBody
    ResponseEntity<byte[]> feedbackFile(@PathVariable long id, @PathVariable String unit) {
        return Downloads.pdf("feedback-" + unit + ".pdf", directives.feedbackFile(id, unit, Actors.require()));
    }

    /** The caller's unit's answer file (raw PDF body, at most 5 MB). */
    @PostMapping("/api/v1/directives/{id}/feedback-attachment")
    @ResponseBody
    ResponseEntity<Void> feedbackAttachmentApi(@PathVariable long id, @RequestBody byte[] pdf,
                                               @RequestParam(required = false) String filename) {
        directives.attachFeedback(id, filename, pdf, Actors.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/directives")
    @ResponseBody
    ResponseEntity<Directive> create(@RequestBody Directives.DirectiveForm form) {
        Directive d = directives.issue(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/directives/" + d.id())).body(d);
    }

    @GetMapping("/api/v1/directives")
    @ResponseBody
    List<Directives.Received> inboxApi(@RequestParam(defaultValue = "false") boolean open) {
        return directives.inbox(Actors.require(), open);
    }

    @GetMapping("/api/v1/directives/issued")
    @ResponseBody
    List<Directive> issuedApi() {
        return directives.issued(Actors.require());
    }

    @GetMapping("/api/v1/directives/{id}")
    @ResponseBody
    Directive oneApi(@PathVariable long id) {
        return directives.find(id, Actors.require());
    }

    @PostMapping("/api/v1/directives/{id}/sign")
    @ResponseBody
    Directives.Received signApi(@PathVariable long id) {
        return directives.sign(id, Actors.require());
    }

    @PostMapping("/api/v1/directives/{id}/complete")
    @ResponseBody
    Directives.Received completeApi(@PathVariable long id, @RequestBody FeedbackBody body) {
        return directives.complete(id, body.feedback(), Actors.require());
    }

    @PostMapping("/api/v1/directives/{id}/forward")
    @ResponseBody
    ResponseEntity<Directive> forwardApi(@PathVariable long id, @RequestBody Directives.DirectiveForm form) {
        Directive d = directives.forward(id, form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/directives/" + d.id())).body(d);
    }

    @PostMapping("/api/v1/directives/{id}/remind")
    @ResponseBody
    Map<String, Integer> remindApi(@PathVariable long id) {
        return Map.of("reminded", directives.remind(id, Actors.require()));
    }

    @GetMapping("/api/v1/directives/{id}/progress")
    @ResponseBody
    DirectiveProgress.View progressApi(@PathVariable long id, @RequestParam(required = false) String node,
                                       @RequestParam(required = false) String level) {
        return progress.of(id, node, level, Actors.require());
    }

    /** The directive's PDF (raw body, at most 5 MB). */
    @PostMapping("/api/v1/directives/{id}/attachment")
    @ResponseBody
    ResponseEntity<Void> attachApi(@PathVariable long id, @RequestBody byte[] pdf, @RequestParam(required = false) String filename) {
        directives.attach(id, filename, pdf, Actors.require());
        return ResponseEntity.noContent().build();
    }
}
