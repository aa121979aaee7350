package org.fangkong.account.web;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.HomeNotices;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of each role: my scope, its size, and the work this role does here. */
@Controller
class HomeController {

    private final Jurisdictions jurisdictions;
    private final List<HomeNotices> notices;

    HomeController(Jurisdictions jurisdictions, List<HomeNotices> notices) {
        this.jurisdictions = jurisdictions;
        this.notices = notices;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor me = Actors.require();
        model.addAttribute("scope", jurisdictions.require(me.scopeCode(), me.scopePath()));
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(me.scopeCode(), me.scopePath()));
        model.addAttribute("counts", jurisdictions.counts(me.scopeCode(), me.scopePath()));
        // what needs doing now, from every module that has something for this role (each source decides whom it tells)
        model.addAttribute("notices", notices.stream().flatMap(n -> n.notices(me).stream())
                .filter(n -> n.count() > 0).toList());
        return "account/home";
    }

    @GetMapping("/login")
    String login() {
        return Actors.current().isPresent() ? "redirect:/" : "account/login";
    }
}
