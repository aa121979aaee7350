package org.fangkong.account.web;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.jurisdiction.JurisdictionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of each role: my scope, its size, and the work this role does here. */
@Controller
class HomeController {

    private final JurisdictionService jurisdictions;

    HomeController(JurisdictionService jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor me = Actors.require();
        model.addAttribute("scope", jurisdictions.require(me.scopeCode(), me.scopePath()));
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(me.scopeCode(), me.scopePath()));
        model.addAttribute("counts", jurisdictions.counts(me.scopeCode(), me.scopePath()));
        return "account/home";
    }

    @GetMapping("/login")
    String login() {
        return Actors.current().isPresent() ? "redirect:/" : "account/login";
    }
}
