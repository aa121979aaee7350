package org.fangkong.tracing.web;

import java.time.Clock;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    record Form(String phone, LocalDate from, LocalDate to, Integer bufferMinutes, Integer closeMinutes, String sort,
                Integer page, String reason) {
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
        model.addAttribute("form", new Form("", today.minusDays(13), today, 0, 15, "", 0, ""));
        return "tracing/search";
    }

    @PostMapping("/tracing")
    String search(@RequestParam(required = false) String phone,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer bufferMinutes, @RequestParam(required = false) Integer closeMinutes,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) String reveal, @RequestParam(required = false) String reason,
                  Model model) {
        Form form = new Form(phone, from, to, bufferMinutes, closeMinutes, sort, page, reason);
        model.addAttribute("form", form);
        try {
            model.addAttribute("result", search.search(query(form, reveal != null), Actors.require()));
        } catch (FieldException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("fieldErrorKey", e.messageKey());
            model.addAttribute("fieldErrorArgs", e.args());
            if ("reason".equals(e.field())) {
                // a reveal without a reason: keep showing the masked result
                model.addAttribute("result", search.search(query(form, false), Actors.require()));
            }
        }
        return "tracing/search";
    }

    /** One click from the result: the close contacts go under home observation; the result is shown again. */
    @PostMapping("/tracing/observe")
    String observe(@RequestParam(required = false) String phone,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) Integer bufferMinutes, @RequestParam(required = false) Integer closeMinutes,
                   Model model) {
        Form form = new Form(phone, from, to, bufferMinutes, closeMinutes, "", 0, "");
        model.addAttribute("form", form);
        try {
            model.addAttribute("observed", search.putCloseContactsUnderObservation(query(form, false), Actors.require()));
            model.addAttribute("result", search.search(query(form, false), Actors.require()));
        } catch (FieldException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("fieldErrorKey", e.messageKey());
            model.addAttribute("fieldErrorArgs", e.args());
        }
        return "tracing/search";
    }

    @PostMapping("/tracing/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String phone,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) Integer bufferMinutes,
                                  @RequestParam(required = false) Integer closeMinutes,
                                  @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) String reveal,
                                  @RequestParam(required = false) String reason) {
        Form form = new Form(phone, from, to, bufferMinutes, closeMinutes, sort, 0, reason);
        byte[] xlsx = ExposureWorkbook.xlsx(search.searchForExport(query(form, reveal != null), Actors.require()));
        return Downloads.xlsx("exposures.xlsx", xlsx);
    }

    private static ExposureQuery query(Form f, boolean reveal) {
        Instant from = f.from() == null ? null : ShanghaiTime.startOf(f.from());
        Instant to = f.to() == null ? null : ShanghaiTime.startOf(f.to().plusDays(1));
        return new ExposureQuery(f.phone(), from, to, f.bufferMinutes(), f.closeMinutes(), reveal, f.reason(), f.page(), 50,
                f.sort());
    }
}
