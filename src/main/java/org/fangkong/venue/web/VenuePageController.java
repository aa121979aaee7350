package org.fangkong.venue.web;

import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageResult;
import org.fangkong.venue.Venue;
import org.fangkong.venue.VenueDocuments;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Venue pages: list, create, edit, close, print the poster. */
@Controller
class VenuePageController {

    private final Venues venues;
    private final VenueDocuments documents;

    VenuePageController(Venues venues, VenueDocuments documents) {
        this.venues = venues;
        this.documents = documents;
    }

    @Bean
    static NavItem venuesNavItem() {
        return new NavItem("nav.venues", "/venues", 20,
                Set.of(Role.ADMIN, Role.OFFICER, Role.VENUE_STAFF, Role.COMMANDER));
    }

    @Bean
    static QuickTask venuesQuickVenueStaff() {
        return new QuickTask(Role.VENUE_STAFF, 1, "quick.venues", "/venues");
    }

    @GetMapping("/venues")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) VenueType type,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
        Actor me = Actors.require();
        PageResult<Venue> result = venues.list(me, q, type, sort, PageResult.page(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("type", type);
        model.addAttribute("sort", sort == null ? "" : sort);
        model.addAttribute("types", VenueType.values());
        model.addAttribute("mayManage", Venues.mayManage(me));
        return "venue/list";
    }

    @GetMapping("/venues/new")
    String newForm(Model model) {
        Actor me = Actors.require();
        model.addAttribute("form", new VenueForm("", VenueType.SUPERMARKET, me.scopeCode(), "", null));
        return formPage(model, null);
    }

    @PostMapping("/venues")
    String create(@Validated @ModelAttribute("form") VenueForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Venue v = venues.create(form, Actors.require());
                redirect.addFlashAttribute("notice", "venue.created");
                redirect.addFlashAttribute("noticeArg", v.name());
                return "redirect:/venues/" + v.id();
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        return formPage(model, null);
    }

    @GetMapping("/venues/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        Venue v = venues.find(id, me);
        model.addAttribute("venue", v);
        model.addAttribute("checkinUrl", venues.checkinUrl(v.code()));
        model.addAttribute("mayManage", Venues.mayManage(me));
        return "venue/detail";
    }

    @GetMapping("/venues/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Venue v = venues.find(id, Actors.require());
        model.addAttribute("form", new VenueForm(v.name(), v.type(), v.jurisdictionCode(), v.address(), v.defaultStayMinutes()));
        return formPage(model, v);
    }

    @PostMapping("/venues/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") VenueForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        Venue existing = venues.find(id, Actors.require());
        if (!binding.hasErrors()) {
            try {
                venues.update(id, form, Actors.require());
                redirect.addFlashAttribute("notice", "venue.saved");
                redirect.addFlashAttribute("noticeArg", form.name());
                return "redirect:/venues/" + id;
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        return formPage(model, existing);
    }

    @PostMapping("/venues/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        venues.setClosed(id, true, Actors.require());
        redirect.addFlashAttribute("notice", "venue.closedNotice");
        return "redirect:/venues/" + id;
    }

    @PostMapping("/venues/{id}/reopen")
    String reopen(@PathVariable long id, RedirectAttributes redirect) {
        venues.setClosed(id, false, Actors.require());
        redirect.addFlashAttribute("notice", "venue.reopenedNotice");
        return "redirect:/venues/" + id;
    }

    @GetMapping("/venues/{id}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(documents.qrPng(id, Actors.require()));
    }

    @GetMapping("/venues/{id}/poster.pdf")
    ResponseEntity<byte[]> poster(@PathVariable long id) {
        return Downloads.pdf("venue-" + id + "-poster.pdf", documents.posterPdf(id, Actors.require()));
    }

    private String formPage(Model model, Venue existing) {
        model.addAttribute("types", VenueType.values());
        model.addAttribute("existing", existing);
        return "venue/form";
    }
}
