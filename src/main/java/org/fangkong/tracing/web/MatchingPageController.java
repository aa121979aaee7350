package org.fangkong.tracing.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.tracing.CrossMatching;
import org.fangkong.tracing.MatchResults;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 对比摸排 pages: upload a list, the lists made in scope, one list's results and its export. */
@Controller
class MatchingPageController {

    private final CrossMatching matching;
    private final MatchResults results;

    MatchingPageController(CrossMatching matching, MatchResults results) {
        this.matching = matching;
        this.results = results;
    }

    @Bean
    static NavItem matchingNavItem() {
        return new NavItem("nav.matching", "/matching", 32, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/matching")
    String lists(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("lists", results.lists(page, 20, Actors.require()));
        return "tracing/matching";
    }

    @PostMapping("/matching")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String name,
                  RedirectAttributes redirect) throws IOException {
        try {
            CrossMatching.Started started = matching.start(file == null ? null : file.getBytes(),
                    file == null ? null : file.getOriginalFilename(), name, Actors.require());
            return "redirect:/jobs/" + started.job();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/matching";
        }
    }

    @GetMapping("/matching/{id}")
    String list(@PathVariable long id, @RequestParam(required = false) MatchResults.Filter filter,
                @RequestParam(required = false) Integer page, Model model) {
        var actor = Actors.require();
        model.addAttribute("list", results.list(id, actor));
        model.addAttribute("filter", filter == null ? MatchResults.Filter.ALL : filter);
        model.addAttribute("rows", results.rows(id, filter, page, 50, actor));
        return "tracing/match-list";
    }

    @PostMapping("/matching/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale) {
        byte[] xlsx = results.export(id, reason, locale, Actors.require());
        return Downloads.xlsx("matching-" + id + ".xlsx", xlsx);
    }
}
