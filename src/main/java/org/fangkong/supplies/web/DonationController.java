package org.fangkong.supplies.web;

import java.math.BigDecimal;
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
import org.fangkong.supplies.DonationReport;
import org.fangkong.supplies.Donations;
import org.fangkong.supplies.StockHolders;
import org.fangkong.supplies.SupplyCatalogue;
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

/** Donations (捐赠): the page, the API and the accountability report (JSON and PDF). */
@Controller
class DonationController {

    /** A donation as typed on the page. */
    record DonationEntry(String jurisdiction, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, String donor,
                         Boolean anonymous, String kind, BigDecimal amount, Long holder, Integer item, Long quantity, String note) {
    }

    private final Donations donations;
    private final DonationReport report;
    private final StockHolders holders;
    private final SupplyCatalogue catalogue;

    DonationController(Donations donations, DonationReport report, StockHolders holders, SupplyCatalogue catalogue) {
        this.donations = donations;
        this.report = report;
        this.holders = holders;
        this.catalogue = catalogue;
    }

    @GetMapping("/supplies/donations")
    String page(@RequestParam(required = false) String node, Model model) {
        Actor me = Actors.require();
        DonationReport.Report r = report.of(node, null, null, me);
        model.addAttribute("report", r);
        model.addAttribute("allocations", r.allocations());
        model.addAttribute("holders", holders.list(r.node().code(), me));
        model.addAttribute("destinations", holders.destinations());
        model.addAttribute("items", catalogue.items().stream().filter(i -> i.active()).toList());
        model.addAttribute("mayWrite", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        return "supplies/donations";
    }

    @PostMapping("/supplies/donations")
    String record(@ModelAttribute DonationEntry e, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Donations.Donation d = donations.record(new Donations.DonationForm(e.jurisdiction(), e.receivedOn(), e.donor(),
                        e.anonymous(), e.kind(), e.amount(), e.holder(), e.item(), e.quantity(), e.note()), Actors.require());
                redirect.addFlashAttribute("notice", "donation.recorded");
                redirect.addFlashAttribute("noticeArg", d.publicDonor());
            } catch (FieldException x) {
                PageForms.flash(x, redirect);
            }
        }
        return "redirect:/supplies/donations";
    }

    @PostMapping("/supplies/donations/{id}/allocations")
    String allocate(@PathVariable long id, @ModelAttribute Donations.AllocationForm form, BindingResult binding,
                    RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Donations.Allocation a = donations.allocate(id, form, Actors.require());
                redirect.addFlashAttribute("notice", "donation.allocated");
                redirect.addFlashAttribute("noticeArg", a.toName());
            } catch (FieldException x) {
                PageForms.flash(x, redirect);
            }
        }
        return "redirect:/supplies/donations#donation-" + id;
    }

    @GetMapping("/supplies/donations/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String node,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Downloads.pdf("donations.pdf", report.pdf(report.of(node, from, to, Actors.require())));
    }

    @PostMapping("/api/v1/donations")
    @ResponseBody
    ResponseEntity<Donations.Donation> create(@RequestBody Donations.DonationForm form) {
        Donations.Donation d = donations.record(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/donations/" + d.id())).body(d);
    }

    @GetMapping("/api/v1/donations/{id}")
    @ResponseBody
    Map<String, Object> one(@PathVariable long id) {
        return Map.of("donation", donations.find(id, Actors.require()), "allocations", donations.allocations(List.of(id)));
    }

    @PostMapping("/api/v1/donations/{id}/allocations")
    @ResponseBody
    ResponseEntity<Donations.Allocation> allocateApi(@PathVariable long id, @RequestBody Donations.AllocationForm form) {
        return ResponseEntity.status(201).body(donations.allocate(id, form, Actors.require()));
    }

    /** The accountability report's figures: in, allocated, left; every donation and allocation. */
    @GetMapping("/api/v1/donations")
    @ResponseBody
    DonationReport.Report list(@RequestParam(required = false) String node,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return report.of(node, from, to, Actors.require());
    }

    @GetMapping("/api/v1/donations/report.pdf")
    @ResponseBody
    ResponseEntity<byte[]> pdfApi(@RequestParam(required = false) String node,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return pdf(node, from, to);
    }
}
