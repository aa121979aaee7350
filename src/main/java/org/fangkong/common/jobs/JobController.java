package org.fangkong.common.jobs;

import java.util.UUID;

import org.fangkong.common.security.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** A job's page (progress every second, then its outcome), its progress fragment and its API view. */
@Controller
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs/{id}")
    String page(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id, Actors.require()));
        return "jobs/job";
    }

    @GetMapping("/jobs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id, Actors.require()));
        return "jobs/job :: progress";
    }

    @GetMapping("/api/v1/jobs/{id}")
    @ResponseBody
    Job api(@PathVariable UUID id) {
        return jobs.find(id, Actors.require());
    }
}
