package org.fangkong.account.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.fangkong.account.NewStaffUser;
import org.fangkong.account.StaffUser;
import org.fangkong.account.Users;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.QuickTask;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
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

/** Staff account pages for admins and officers. */
@Controller
class UserPageController {

    private final Users users;
    private final Jurisdictions jurisdictions;

    UserPageController(Users users, Jurisdictions jurisdictions) {
        this.users = users;
        this.jurisdictions = jurisdictions;
    }

    @Bean
    static NavItem usersNavItem() {
        return new NavItem("nav.users", "/users", 80, Set.of(Role.ADMIN, Role.OFFICER));
    }

    @Bean
    static QuickTask usersQuickAdmin() {
        return new QuickTask(Role.ADMIN, 1, "quick.users", "/users");
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
        PageResult<StaffUser> result = users.list(Actors.require(), q, role, sort, PageResult.page(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("role", role);
        model.addAttribute("sort", sort == null ? "" : sort);
        model.addAttribute("roles", Role.values());
        return "account/users";
    }

    @GetMapping("/users/new")
    String form(Model model) {
        Actor me = Actors.require();
        if (!Users.isManager(me)) {
            throw new AccessDeniedException("not a manager");
        }
        model.addAttribute("form", new NewStaffUser("", "", "", Role.GRID_WORKER, me.scopeCode()));
        return formPage(model, me);
    }

    @PostMapping("/users")
    String create(@Validated @ModelAttribute("form") NewStaffUser form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Actor me = Actors.require();
        if (!binding.hasErrors()) {
            try {
                StaffUser created = users.create(form, me);
                redirect.addFlashAttribute("notice", "user.created");
                redirect.addFlashAttribute("noticeArg", created.username());
                return "redirect:/users/" + created.id();
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        // what was typed stays in the form; the password field is never echoed back
        return formPage(model, me);
    }

    private String formPage(Model model, Actor me) {
        List<Role> assignable = Arrays.stream(Role.values())
                .filter(r -> me.is(Role.ADMIN) || (r != Role.ADMIN && r != Role.COMMANDER)).toList();
        model.addAttribute("assignableRoles", assignable);
        model.addAttribute("scopeOptions", scopeOptions(me));
        return "account/user-form";
    }

    private List<Jurisdiction> scopeOptions(Actor me) {
        var own = jurisdictions.require(me.scopeCode(), me.scopePath());
        var options = new ArrayList<Jurisdiction>();
        options.add(own);
        options.addAll(jurisdictions.children(me.scopeCode(), me.scopePath()));
        return options;
    }

    @GetMapping("/users/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        StaffUser user = users.find(id, me);
        model.addAttribute("user", user);
        model.addAttribute("mayManage", users.mayManage(me, user));
        model.addAttribute("locked", user.lockedAt(Instant.now()));
        return "account/user";
    }

    @PostMapping("/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        users.setEnabled(id, false, Actors.require());
        redirect.addFlashAttribute("notice", "user.disabled");
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/sessions/end")
    String endSessions(@PathVariable long id, RedirectAttributes redirect) {
        users.endSessions(id, Actors.require());
        redirect.addFlashAttribute("notice", "user.sessionsEnded");
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        users.setEnabled(id, true, Actors.require());
        redirect.addFlashAttribute("notice", "user.enabled");
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String password, Model model,
                         RedirectAttributes redirect) {
        try {
            users.resetPassword(id, password, Actors.require());
        } catch (FieldException e) {
            model.addAttribute("passwordError", e.messageKey());
            model.addAttribute("passwordErrorArgs", e.args());
            return detail(id, model);
        }
        redirect.addFlashAttribute("notice", "user.passwordReset");
        return "redirect:/users/" + id;
    }
}
