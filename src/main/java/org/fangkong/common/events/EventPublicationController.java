package org.fangkong.common.events;

import java.util.List;
import java.util.Set;

import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' page and API of module events not yet completed, with "run again". */
@Controller
class EventPublicationController {

    private final EventPublications publications;

    EventPublicationController(EventPublications publications) {
        this.publications = publications;
    }

    @Bean
    static NavItem eventsNavItem() {
        return new NavItem("nav.events", "/events", 92, Set.of(Role.ADMIN));
    }

    @GetMapping("/events")
    String page(Model model) {
        model.addAttribute("publications", publications.incomplete(Actors.require()));
        return "events/incomplete";
    }

    @PostMapping("/events/resubmit")
    String resubmit(RedirectAttributes redirect) {
        publications.resubmit(Actors.require());
        redirect.addFlashAttribute("message", "events.resubmitted");
        return "redirect:/events";
    }

    @GetMapping("/api/v1/event-publications")
    @ResponseBody
    List<EventPublications.Incomplete> api() {
        return publications.incomplete(Actors.require());
    }

    @PostMapping("/api/v1/event-publications/resubmit")
    @ResponseBody
    List<EventPublications.Incomplete> resubmitApi() {
        publications.resubmit(Actors.require());
        return publications.incomplete(Actors.require());
    }
}
