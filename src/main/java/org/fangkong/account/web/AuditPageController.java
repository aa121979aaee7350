package org.fangkong.account.web;

import java.time.LocalDate;
import java.util.Set;

import org.fangkong.account.AuditLog;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageResult;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's audit search: by staff member, action and day range (Asia/Shanghai days). */
@Controller
class AuditPageController {

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @Bean
    static NavItem auditNavItem() {
        return new NavItem("nav.audit", "/audit", 90, Set.of(Role.ADMIN));
    }

    @Bean
    static QuickTask auditQuickAdmin() {
        return new QuickTask(Role.ADMIN, 3, "quick.audit", "/audit");
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", audit.search(Actors.require(), username, action, from, to, PageResult.page(page), 50));
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", AuditActions.ALL);
        return "audit/search";
    }
}
