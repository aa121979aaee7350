package org.fangkong.supplies.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageForms;
import org.fangkong.supplies.Dispatch;
import org.fangkong.supplies.Dispatches;
import org.fangkong.supplies.StockHolders;
import org.fangkong.supplies.SupplyRequest;
import org.fangkong.supplies.SupplyRequests;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Requests (the queue to decide, a holder's request), dispatch orders and their proof of delivery, as pages. */
@Controller
class DispatchPageController {

    /** Up to three lines as typed on a page; blank lines are left out. */
    record LinesEntry(Integer item1, Long quantity1, Long request1, Integer item2, Long quantity2, Long request2, Integer item3,
                      Long quantity3, Long request3) {

        List<Dispatches.LineForm> dispatchLines() {
            List<Dispatches.LineForm> lines = new ArrayList<>();
            add(lines, item1, quantity1, request1);
            add(lines, item2, quantity2, request2);
            add(lines, item3, quantity3, request3);
            return lines;
        }

        private static void add(List<Dispatches.LineForm> lines, Integer item, Long quantity, Long request) {
            if (item != null || quantity != null) {
                lines.add(new Dispatches.LineForm(item, quantity, request));
            }
        }
    }

    /** A dispatch as typed on the holder's page. */
    record DispatchEntry(Long to, String vehicle, String driverName, String driverPhone, String note, Integer item1, Long quantity1,
                         Long request1, Integer item2, Long quantity2, Long request2, Integer item3, Long quantity3, Long request3) {

        LinesEntry lines() {
            return new LinesEntry(item1, quantity1, request1, item2, quantity2, request2, item3, quantity3, request3);
        }
    }

    /** A request as typed on the holder's page: needed by as a local date and time in Shanghai. */
    record RequestEntry(String urgency, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime neededBy, String note,
                        Integer item1, Long quantity1, Integer item2, Long quantity2, Integer item3, Long quantity3) {
    }

    private final SupplyRequests requests;
    private final Dispatches dispatches;
    private final StockHolders holders;

    DispatchPageController(SupplyRequests requests, Dispatches dispatches, StockHolders holders) {
        this.requests = requests;
        this.dispatches = dispatches;
        this.holders = holders;
    }

    @GetMapping("/supplies/requests")
    String requests(@RequestParam(defaultValue = "true") boolean open, Model model) {
        model.addAttribute("requests", requests.list(open, Actors.require()));
        model.addAttribute("open", open);
        return "supplies/requests";
    }

    @PostMapping("/supplies/holders/{id}/requests")
    String request(@PathVariable long id, @ModelAttribute RequestEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                List<SupplyRequests.LineForm> lines = new LinesEntry(entry.item1(), entry.quantity1(), null, entry.item2(),
                        entry.quantity2(), null, entry.item3(), entry.quantity3(), null).dispatchLines().stream()
                        .map(l -> new SupplyRequests.LineForm(l.item(), l.quantity())).toList();
                SupplyRequest r = requests.submit(new SupplyRequests.RequestForm(id, entry.urgency(),
                        entry.neededBy() == null ? null : entry.neededBy().atZone(ShanghaiTime.ZONE).toOffsetDateTime(), entry.note(),
                        lines), Actors.require());
                redirect.addFlashAttribute("notice", "supplies.requested");
                redirect.addFlashAttribute("noticeArg", r.approverName());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supplies/holders/" + id + "#requests";
    }

    /** Approves each line as typed (the quantities asked for unless changed). */
    @PostMapping("/supplies/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            requests.approve(id, new SupplyRequests.DecisionForm(quantities(form, "approved_"), form.get("note")), Actors.require());
            redirect.addFlashAttribute("notice", "supplies.approved");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/supplies/requests#request-" + id;
    }

    @PostMapping("/supplies/requests/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            requests.reject(id, reason, Actors.require());
            redirect.addFlashAttribute("notice", "supplies.rejected");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/supplies/requests#request-" + id;
    }

    @PostMapping("/supplies/holders/{id}/dispatches")
    String send(@PathVariable long id, @ModelAttribute DispatchEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                Dispatch d = dispatches.send(new Dispatches.DispatchForm(id, entry.to(), entry.vehicle(), entry.driverName(),
                        entry.driverPhone(), entry.note(), entry.lines().dispatchLines()), Actors.require());
                redirect.addFlashAttribute("notice", "supplies.dispatched");
                redirect.addFlashAttribute("noticeArg", d.number());
                return "redirect:/supplies/dispatches/" + d.id();
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supplies/holders/" + id + "#dispatch";
    }

    @GetMapping("/supplies/dispatches/{id}")
    String dispatch(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        Dispatch d = dispatches.find(id, me);
        model.addAttribute("d", d);
        model.addAttribute("mayReceive", d.status() == Dispatch.Status.IN_TRANSIT && receives(d, me));
        return "supplies/dispatch";
    }

    /** Proof of delivery from the page: one field per item (received_{item}), blank for all that was sent. */
    @PostMapping("/supplies/dispatches/{id}/receive")
    String receive(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            dispatches.receive(id, new Dispatches.ReceiptForm(quantities(form, "received_"), form.get("note")), Actors.require());
            redirect.addFlashAttribute("notice", "supplies.received");
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/supplies/dispatches/" + id;
    }

    /** Per item the quantity typed in the fields {@code prefix + itemId} (blank fields left out). */
    private static Map<Integer, Long> quantities(Map<String, String> form, String prefix) {
        Map<Integer, Long> quantities = new HashMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey().startsWith(prefix) && !e.getValue().isBlank()) {
                try {
                    quantities.put(Integer.valueOf(e.getKey().substring(prefix.length())), Long.valueOf(e.getValue().strip()));
                } catch (NumberFormatException x) {
                    throw new FieldException(e.getKey(), "validation.supplies.quantity");
                }
            }
        }
        return quantities;
    }

    /** The receiving end's officers and admins sign for it. */
    private boolean receives(Dispatch d, Actor me) {
        if (!me.is(Role.OFFICER) && !me.is(Role.ADMIN)) {
            return false;
        }
        try {
            holders.find(d.toHolderId(), me);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
