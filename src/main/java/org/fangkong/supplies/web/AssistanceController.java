package org.fangkong.supplies.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.supplies.PairedAssistance;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Paired assistance (对口支援): medical teams and their rosters, projects; pages and API. */
@Controller
class AssistanceController {

    /** A team as typed on the page. */
    record TeamEntry(String jurisdiction, Integer batch, String name, String destination,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate departedOn,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn, String note) {
    }

    /** A status change or export reason sent alone. */
    record StatusBody(String status, String note) {
    }

    record ReasonBody(String reason) {
    }

    private final PairedAssistance assistance;

    AssistanceController(PairedAssistance assistance) {
        this.assistance = assistance;
    }

    @GetMapping("/supplies/assistance")
    String page(@RequestParam(required = false) String node, Model model) {
        Actor me = Actors.require();
        model.addAttribute("teams", assistance.teams(node, me));
        model.addAttribute("projects", assistance.projects(node, me));
        model.addAttribute("mayWrite", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("statuses", PairedAssistance.ProjectStatus.values());
        model.addAttribute("kinds", PairedAssistance.ProjectKind.values());
        return "supplies/assistance";
    }

    @PostMapping("/supplies/assistance/teams")
    String addTeam(@ModelAttribute TeamEntry e, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                PairedAssistance.Team t = assistance.addTeam(new PairedAssistance.TeamForm(e.jurisdiction(), e.batch(), e.name(),
                        e.destination(), e.departedOn(), e.returnedOn(), e.note()), Actors.require());
                return "redirect:/supplies/assistance/teams/" + t.id();
            } catch (FieldException x) {
                PageForms.flash(x, redirect);
            }
        }
        return "redirect:/supplies/assistance";
    }

    @GetMapping("/supplies/assistance/teams/{id}")
    String team(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        model.addAttribute("team", assistance.team(id, me));
        model.addAttribute("members", assistance.members(id, me));
        model.addAttribute("mayWrite", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("specialities", PairedAssistance.Speciality.values());
        model.addAttribute("roles", PairedAssistance.MemberRole.values());
        return "supplies/team";
    }

    @PostMapping("/supplies/assistance/teams/{id}/members")
    String addMember(@PathVariable long id, @ModelAttribute PairedAssistance.MemberForm form, BindingResult binding,
                     RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                PairedAssistance.Member m = assistance.addMember(id, form, Actors.require());
                redirect.addFlashAttribute("notice", "team.memberAdded");
                redirect.addFlashAttribute("noticeArg", m.name());
            } catch (FieldException x) {
                PageForms.flash(x, redirect);
            }
        }
        return "redirect:/supplies/assistance/teams/" + id;
    }

    /** The full roster as xlsx; the reason is kept in the audit log. */
    @PostMapping("/supplies/assistance/teams/{id}/roster.xlsx")
    Object roster(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            return Downloads.xlsx("medical-team-" + id + ".xlsx", assistance.rosterXlsx(id, reason, Actors.require()));
        } catch (FieldException x) {
            PageForms.flash(x, redirect);
            return "redirect:/supplies/assistance/teams/" + id;
        }
    }

    @PostMapping("/supplies/assistance/projects")
    String addProject(@ModelAttribute PairedAssistance.ProjectForm form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                redirect.addFlashAttribute("notice", "project.added");
                redirect.addFlashAttribute("noticeArg", assistance.addProject(form, Actors.require()).title());
            } catch (FieldException x) {
                PageForms.flash(x, redirect);
            }
        }
        return "redirect:/supplies/assistance#projects";
    }

    @PostMapping("/supplies/assistance/projects/{id}/status")
    String advance(@PathVariable long id, @RequestParam(required = false) String status, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        try {
            assistance.advance(id, status, note, Actors.require());
            redirect.addFlashAttribute("notice", "project.advanced");
        } catch (FieldException x) {
            PageForms.flash(x, redirect);
        }
        return "redirect:/supplies/assistance#project-" + id;
    }

    @PostMapping("/api/v1/medical-teams")
    @ResponseBody
    ResponseEntity<PairedAssistance.Team> createTeam(@RequestBody PairedAssistance.TeamForm form) {
        PairedAssistance.Team t = assistance.addTeam(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/medical-teams/" + t.id())).body(t);
    }

    @GetMapping("/api/v1/medical-teams")
    @ResponseBody
    List<PairedAssistance.Team> teams(@RequestParam(required = false) String node) {
        return assistance.teams(node, Actors.require());
    }

    @GetMapping("/api/v1/medical-teams/{id}")
    @ResponseBody
    Map<String, Object> teamApi(@PathVariable long id) {
        return Map.of("team", assistance.team(id, Actors.require()), "members", assistance.members(id, Actors.require()));
    }

    @PostMapping("/api/v1/medical-teams/{id}/members")
    @ResponseBody
    ResponseEntity<PairedAssistance.Member> member(@PathVariable long id, @RequestBody PairedAssistance.MemberForm form) {
        return ResponseEntity.status(201).body(assistance.addMember(id, form, Actors.require()));
    }

    @PostMapping("/api/v1/medical-teams/{id}/returned")
    @ResponseBody
    PairedAssistance.Team returned(@PathVariable long id,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return assistance.returned(id, on, Actors.require());
    }

    @PostMapping("/api/v1/medical-teams/{id}/roster.xlsx")
    @ResponseBody
    ResponseEntity<byte[]> rosterApi(@PathVariable long id, @RequestBody ReasonBody body) {
        return Downloads.xlsx("medical-team-" + id + ".xlsx", assistance.rosterXlsx(id, body.reason(), Actors.require()));
    }

    @PostMapping("/api/v1/assistance-projects")
    @ResponseBody
    ResponseEntity<PairedAssistance.Project> project(@RequestBody PairedAssistance.ProjectForm form) {
        PairedAssistance.Project p = assistance.addProject(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/assistance-projects/" + p.id())).body(p);
    }

    @GetMapping("/api/v1/assistance-projects")
    @ResponseBody
    List<PairedAssistance.Project> projects(@RequestParam(required = false) String node) {
        return assistance.projects(node, Actors.require());
    }

    @PostMapping("/api/v1/assistance-projects/{id}/status")
    @ResponseBody
    PairedAssistance.Project status(@PathVariable long id, @RequestBody StatusBody body) {
        return assistance.advance(id, body.status(), body.note(), Actors.require());
    }
}
