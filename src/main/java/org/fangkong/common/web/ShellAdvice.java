package org.fangkong.common.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page's shell needs: the signed-in staff member and the navigation for their role. */
@ControllerAdvice
class ShellAdvice {

    private final List<NavItem> nav;
    private final List<QuickTask> quick;

    ShellAdvice(List<NavItem> nav, List<QuickTask> quick) {
        this.nav = nav.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.quick = quick.stream().sorted(Comparator.comparingInt(QuickTask::rank)).toList();
    }

    @ModelAttribute("me")
    Actor me() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        return Actors.current().map(a -> nav.stream().filter(n -> n.visibleTo(a.role())).toList()).orElse(List.of());
    }

    /** The phone's bottom bar: the role's three most used tasks that its navigation offers. */
    @ModelAttribute("quick")
    List<QuickTask> quick() {
        return Actors.current().map(a -> {
            List<NavItem> mine = nav.stream().filter(n -> n.visibleTo(a.role())).toList();
            return quick.stream().filter(q -> q.role() == a.role())
                    .filter(q -> mine.stream().anyMatch(n -> q.href().startsWith(n.href())))
                    .limit(3).toList();
        }).orElse(List.of());
    }

    /** Who may open a page: the roles of the navigation entry the path lies under, if there is one. */
    List<Role> rolesFor(String path) {
        return nav.stream().filter(n -> path.equals(n.href()) || path.startsWith(n.href() + "/"))
                .max(Comparator.comparingInt(n -> n.href().length()))
                .map(n -> n.roles().isEmpty() ? List.of(Role.values()) : n.roles().stream().sorted().toList())
                .orElse(List.of());
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
        mav.addObject("quick", quick());
    }
}
