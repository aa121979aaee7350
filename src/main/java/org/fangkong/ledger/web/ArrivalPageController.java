package org.fangkong.ledger.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.ledger.outsiders.ArrivalForm;
import org.fangkong.ledger.outsiders.Arrivals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The arrivals' self-registration page (来青人员登记): no login, no script, phone first. The
 * destination village is chosen by walking the tree (or searching it by name) with plain links, from
 * the node a poster names ({@code /arrive?at=370200} on a poster at 青岛's station); the village's
 * page carries the form, its arrival date today unless changed. The answer is the same whatever was on file before.
 */
@Controller
class ArrivalPageController {

    private final Jurisdictions tree;
    private final Arrivals arrivals;
    private final ArrivalDoorLimits limits;
    private final Clock clock;

    ArrivalPageController(Jurisdictions tree, Arrivals arrivals, ArrivalDoorLimits limits, Clock clock) {
        this.tree = tree;
        this.arrivals = arrivals;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/arrive")
    String page(@RequestParam(required = false) String at, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("form", new ArrivalForm(null, "", "", "", "", "", ShanghaiTime.today(clock), ""));
        return choose(at, q, model);
    }

    @PostMapping("/arrive")
    String register(@ModelAttribute("form") ArrivalForm form, BindingResult binding, Model model, RedirectAttributes redirect,
                    HttpServletRequest request, HttpServletResponse response) {
        if (limits.take(request.getRemoteAddr()).isPresent()) {
            binding.reject("arrival.tooMany");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        if (!binding.hasErrors()) {
            try {
                redirect.addFlashAttribute("received", arrivals.register(form));
                return "redirect:/arrive/done";
            } catch (FieldException e) {
                e.rejectOn(binding);
            }
        }
        // back to the village's form (a form that could not be bound at all arrives as null)
        String village = binding.getFieldErrorCount("village") > 0 ? null : request.getParameter("village");
        return choose(village, null, model);
    }

    /** Shown once after a registration (a reload shows the general text). */
    @GetMapping("/arrive/done")
    String done() {
        return "ledger/arrive-done";
    }

    private String choose(String at, String q, Model model) {
        Jurisdiction root = tree.root();
        Jurisdiction node = at == null || at.isBlank() ? root : tree.find(at.strip(), root.path()).orElse(root);
        model.addAttribute("node", node);
        model.addAttribute("crumbs", tree.breadcrumbs(node.code(), root.path()));
        boolean village = node.level() == Level.VILLAGE;
        model.addAttribute("village", village);
        if (!village) {
            model.addAttribute("q", q == null ? "" : q);
            model.addAttribute("children", q == null || q.isBlank() ? tree.children(node.code(), root.path()) : List.of());
            model.addAttribute("hits", q == null || q.isBlank() ? List.of()
                    : tree.search(q.strip(), node.path(), 0, 30).items());
        }
        return "ledger/arrive";
    }
}
