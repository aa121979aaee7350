package org.fangkong.observation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Temperature;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageForms;
import org.fangkong.observation.MissingReadings;
import org.fangkong.observation.ObservationAlerts;
import org.fangkong.observation.ObservationOrder;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.observation.Readings;
import org.fangkong.observation.Releases;
import org.fangkong.observation.Symptom;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Observation pages for a phone: the people under observation in scope (escalated first, today's
 * two readings at a glance), one order with its reading form, and the township's alert list.
 */
@Controller
class ObservationPageController {

    private final ObservationOrders orders;
    private final Readings readings;
    private final ObservationAlerts alerts;
    private final Releases releases;
    private final MissingReadings missing;

    ObservationPageController(ObservationOrders orders, Readings readings, ObservationAlerts alerts,
                              Releases releases, MissingReadings missing) {
        this.missing = missing;
        this.releases = releases;
        this.orders = orders;
        this.readings = readings;
        this.alerts = alerts;
    }

    @Bean
    static NavItem observationNavItem() {
        return new NavItem("nav.observation", "/observation", 11, Set.of(Role.GRID_WORKER, Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @Bean
    static QuickTask observationQuickGridWorker() {
        return new QuickTask(Role.GRID_WORKER, 2, "quick.readings", "/observation");
    }

    @Bean
    static NavItem observationAlertsNavItem() {
        return new NavItem("nav.observationAlerts", "/observation-alerts", 16, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @Bean
    static QuickTask observationAlertsQuickOfficer() {
        return new QuickTask(Role.OFFICER, 2, "quick.alerts", "/observation-alerts");
    }

    /** A reading as typed on the order's page: the temperature as text (37,5 is read too). */
    record ReadingEntry(String temperature, String half, LocalDate day, List<String> symptoms) {
    }

    /** What became of an alert; with {@code suspectedCase} the person goes to the case registry as suspected. */
    record OutcomeEntry(String outcome, String note, Boolean suspectedCase) {
    }

    @GetMapping("/observation")
    String list(@RequestParam(defaultValue = "true") boolean open, Model model) {
        Actor me = Actors.require();
        model.addAttribute("orders", orders.list(null, open, me));
        model.addAttribute("open", open);
        model.addAttribute("mayOpen", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("scopeCode", me.scopeCode());
        return "observation/orders";
    }

    @PostMapping("/observation")
    String open(@ModelAttribute ObservationOrders.OrderForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/observation";
        }
        try {
            ObservationOrders.Opened opened = orders.open(form, Actors.require());
            redirect.addFlashAttribute("link", orders.link(opened.linkToken()));
            return "redirect:/observation/" + opened.order().id();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/observation";
        }
    }

    @GetMapping("/observation/{id}")
    String order(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        ObservationOrder order = orders.find(id, me);
        model.addAttribute("order", order);
        model.addAttribute("readings", readings.readings(id, me));
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("mayRecord", !me.is(Role.COMMANDER) && order.open());
        model.addAttribute("releasable", (me.is(Role.OFFICER) || me.is(Role.ADMIN)) && releases.releasable(order));
        return "observation/order";
    }

    @PostMapping("/observation/{id}/readings")
    String record(@PathVariable long id, @ModelAttribute ReadingEntry entry, BindingResult binding,
                  RedirectAttributes redirect) {
        if (!PageForms.bound(binding, redirect)) {
            return "redirect:/observation/" + id;
        }
        try {
            var r = readings.record(id, new Readings.ReadingForm(entry.day(), entry.half(),
                    Temperature.parseOrNull(entry.temperature()), entry.symptoms()), Actors.require());
            redirect.addFlashAttribute("saved", r);
        } catch (InvalidValueException e) {
            PageForms.flash(new FieldException("temperature", e.messageKey()), redirect);
            redirect.addFlashAttribute("typed", entry.temperature());
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            redirect.addFlashAttribute("typed", entry.temperature());
        }
        return "redirect:/observation/" + id;
    }

    @PostMapping("/observation/{id}/release")
    String release(@PathVariable long id, RedirectAttributes redirect) {
        try {
            releases.release(id, Actors.require());
            redirect.addFlashAttribute("notice", "observation.released");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/observation/" + id;
    }

    @PostMapping("/observation/release")
    String releaseAll(@RequestParam(required = false) String jurisdiction, RedirectAttributes redirect) {
        int n = releases.releaseAll(jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip(), Actors.require());
        redirect.addFlashAttribute("notice", "observation.releasedAll");
        redirect.addFlashAttribute("noticeArg", n);
        return "redirect:/observation";
    }

    @GetMapping("/observation/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        return Downloads.pdf("release-notice-" + id + ".pdf", releases.notice(id, Actors.require()));
    }

    @PostMapping("/observation/{id}/link")
    String renewLink(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("link", orders.link(orders.renewLink(id, Actors.require())));
        return "redirect:/observation/" + id;
    }

    /** Who has not reported, at any level: counts per child (one click down), and the people. */
    @GetMapping("/observation/missing")
    String missing(@RequestParam(required = false) String jurisdiction, Model model) {
        model.addAttribute("overview", missing.overview(jurisdiction, Actors.require()));
        return "observation/missing";
    }

    @GetMapping("/observation-alerts")
    String alerts(@RequestParam(defaultValue = "true") boolean open, Model model) {
        Actor me = Actors.require();
        model.addAttribute("alerts", alerts.alerts(open, me));
        model.addAttribute("open", open);
        model.addAttribute("mayHandle", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        return "observation/alerts";
    }

    @PostMapping("/observation-alerts/{id}/outcome")
    String outcome(@PathVariable long id, @ModelAttribute OutcomeEntry entry, RedirectAttributes redirect) {
        try {
            alerts.outcome(id, entry.outcome(), entry.note(), Boolean.TRUE.equals(entry.suspectedCase()), Actors.require());
            redirect.addFlashAttribute("notice", "observationAlert.recorded");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/observation-alerts";
    }
}
