package org.fangkong.supplies.web;

import java.time.LocalDate;
import java.util.Set;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageForms;
import org.fangkong.supplies.ProducerOutput;
import org.fangkong.supplies.StockHolder;
import org.fangkong.supplies.SupplyCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A producer's daily output: the producer's own page (ENTERPRISE) and its officers' view. */
@Controller
class ProducerPageController {

    /** A day's output as typed. */
    record OutputEntry(Integer item, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Long quantity, Long capacity) {
    }

    private final ProducerOutput producers;
    private final SupplyCatalogue catalogue;

    ProducerPageController(ProducerOutput producers, SupplyCatalogue catalogue) {
        this.producers = producers;
        this.catalogue = catalogue;
    }

    @Bean
    static NavItem productionNavItem() {
        return new NavItem("nav.production", "/supplies/production", 45, Set.of(Role.ENTERPRISE));
    }

    @Bean
    static QuickTask productionQuickEnterprise() {
        return new QuickTask(Role.ENTERPRISE, 2, "quick.production", "/supplies/production");
    }

    /** The signed-in producer's page, or a note that no producer is bound to the account. */
    @GetMapping("/supplies/production")
    String own(Model model) {
        return producers.own(Actors.require()).map(h -> "redirect:/supplies/producers/" + h.id()).orElse("supplies/unbound");
    }

    @GetMapping("/supplies/producers/{id}")
    String producer(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        StockHolder h = producers.producer(id, me);
        model.addAttribute("holder", h);
        model.addAttribute("outputs", producers.trend(id, 30, me));
        model.addAttribute("items", catalogue.items().stream().filter(i -> i.active()).toList());
        model.addAttribute("officer", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        return "supplies/producer";
    }

    @PostMapping("/supplies/producers/{id}/output")
    String report(@PathVariable long id, @ModelAttribute OutputEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                ProducerOutput.Output o = producers.report(id, new ProducerOutput.OutputForm(entry.item(), entry.day(), entry.quantity(),
                        entry.capacity()), Actors.require());
                redirect.addFlashAttribute("notice", "supplies.outputSaved");
                redirect.addFlashAttribute("noticeArg", o.itemName() + " " + o.quantity());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supplies/producers/" + id;
    }

    @PostMapping("/supplies/producers/{id}/accounts")
    String bind(@PathVariable long id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
        try {
            producers.bind(id, username, Actors.require());
            redirect.addFlashAttribute("notice", "supplies.accountBound");
            redirect.addFlashAttribute("noticeArg", username);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/supplies/producers/" + id;
    }
}
