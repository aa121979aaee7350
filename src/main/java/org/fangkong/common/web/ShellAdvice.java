package org.fangkong.common.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page's shell needs: the signed-in staff member and the navigation for their role. */
@ControllerAdvice
class ShellAdvice {

    private final List<NavItem> nav;

    ShellAdvice(List<NavItem> nav) {
        this.nav = nav.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("me")
    Actor me() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        return Actors.current().map(a -> nav.stream().filter(n -> n.visibleTo(a.role())).toList()).orElse(List.of());
    }

    /** The path being shown, so the navigation can mark where the user is. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** For views made outside handler methods (error pages from exception handlers). */
    void populate(ModelAndView mav) {
        mav.addObject("me", me());
        mav.addObject("nav", nav());
    }
}
