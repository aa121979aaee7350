package org.fangkong.tracing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.tracing.ExposureQuery;
import org.fangkong.tracing.ExposureSearch;
import org.fangkong.tracing.ExposureWorkbook;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The tracing page. Searches are POSTs so the phone never lands in a URL, a browser history or a
 * log; paging and sorting resubmit the same form.
 */
@Controller
class TracingPageController {

    private final ExposureSearch search;
    private final Clock clock;

    TracingPageController(ExposureSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Bean
    static NavItem tracingNavItem() {
        return new NavItem("nav.tracing", "/tracing", 30, Set.of(Role.OFFICER, Role.COMMANDER));
    }

    /** The search form (bound from the page); {@code reveal} is the name of the button that asks for full phones. */
    record Form(String phone, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Integer bufferMinutes, Integer closeMinutes,
                String sort, Integer page, String reveal, String reason) {

        boolean revealing() {
            return reveal != null;
        }

        ExposureQuery query(boolean reveal) {
            return new ExposureQuery(phone, from == null ? null : ShanghaiTime.startOf(from),
                    to == null ? null : ShanghaiTime.startOf(to.plusDays(1)), bufferMinutes, closeMinutes, reveal, reason, page,
                    50, sort);
        }
    }

    @ModelAttribute("mayObserve")
    boolean mayObserve() {
        return Actors.current().map(a -> a.is(Role.OFFICER)).orElse(false);
    }

    @GetMapping("/tracing")
    String form(Model model) {
        if (!ExposureSearch.mayTrace(Actors.require())) {
            throw new AccessDeniedException("not a tracer");
        }
        LocalDate today = ShanghaiTime.today(clock);
        model.addAttribute("form", new Form("", today.minusDays(13), today, 0, 15, "", 0, null, ""));
        return "tracing/search";
    }

    @PostMapping("/tracing")
    String search(@ModelAttribute("form") Form form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return "tracing/search";
        }
        try {
            model.addAttribute("result", search.search(form.query(form.revealing()), Actors.require()));
        } catch (FieldException e) {
            e.rejectOn(binding);
            if ("reason".equals(e.field())) {
                // a reveal without a reason: keep showing the masked result
                model.addAttribute("result", search.search(form.query(false), Actors.require()));
            }
        }
        return "tracing/search";
    }

    /** One click from the result: the close contacts go under home observation; the result is shown again. */
    @PostMapping("/tracing/observe")
    String observe(@ModelAttribute("form") Form form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return "tracing/search";
        }
        try {
            model.addAttribute("observed", search.putCloseContactsUnderObservation(form.query(false), Actors.require()));
            model.addAttribute("result", search.search(form.query(false), Actors.require()));
        } catch (FieldException e) {
            e.rejectOn(binding);
        }
        return "tracing/search";
    }

    @PostMapping("/tracing/export")
    ResponseEntity<byte[]> export(@ModelAttribute("form") Form form) {
        byte[] xlsx = ExposureWorkbook.xlsx(search.searchForExport(form.query(form.revealing()), Actors.require()));
        return Downloads.xlsx("exposures.xlsx", xlsx);
    }
}
