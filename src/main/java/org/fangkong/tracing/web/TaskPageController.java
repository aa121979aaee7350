package org.fangkong.tracing.web;

import java.util.Set;

import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.tracing.FollowUpTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The grid's follow-up task list (随访任务) on a phone: open tasks first, each closed with a note. */
@Controller
class TaskPageController {

    private final FollowUpTasks tasks;

    TaskPageController(FollowUpTasks tasks) {
        this.tasks = tasks;
    }

    @Bean
    static NavItem tasksNavItem() {
        return new NavItem("nav.tasks", "/tasks", 12, Set.of(Role.GRID_WORKER, Role.OFFICER));
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("open", open);
        model.addAttribute("tasks", tasks.tasks(open, page, 20, Actors.require()));
        return "tracing/tasks";
    }

    @PostMapping("/tasks/{id}/done")
    String done(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            tasks.done(id, note, Actors.require());
            redirect.addFlashAttribute("notice", "task.doneNotice");
            redirect.addFlashAttribute("noticeArg", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            redirect.addFlashAttribute("errorTask", id);
        }
        return "redirect:/tasks";
    }

    /** Shows the list's full name, ID number and phone for this task once; needs a reason, audited. */
    @PostMapping("/tasks/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("revealed", tasks.reveal(id, reason, Actors.require()));
            redirect.addFlashAttribute("revealedId", id);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/tasks";
    }
}
