package org.fangkong.livelihood.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.web.Downloads;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageForms;
import org.fangkong.ledger.HouseholdDirectory;
import org.fangkong.livelihood.PickingList;
import org.fangkong.livelihood.ProxyPurchases;
import org.fangkong.livelihood.SupplyPoints;
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

/** 代购: a village's batches, one batch with its households' orders, the picking list, the hand-out; pages and API. */
@Controller
class ProxyPurchaseController {

    /** An order as typed: up to three lines. */
    record OrderEntry(Long household, String item1, Integer quantity1, String unit1, String item2, Integer quantity2, String unit2,
                      String item3, Integer quantity3, String unit3, String note, BigDecimal amount) {

        ProxyPurchases.OrderForm form() {
            List<ProxyPurchases.LineForm> lines = new ArrayList<>();
            lines.add(new ProxyPurchases.LineForm(item1, quantity1, unit1));
            lines.add(new ProxyPurchases.LineForm(item2, quantity2, unit2));
            lines.add(new ProxyPurchases.LineForm(item3, quantity3, unit3));
            return new ProxyPurchases.OrderForm(household, lines, note, amount);
        }
    }

    record OpenBody(String village, Long point) {
    }

    record HandBody(Boolean received, BigDecimal paid, String note) {
    }

    private final ProxyPurchases purchases;
    private final PickingList picking;
    private final SupplyPoints points;
    private final HouseholdDirectory households;

    ProxyPurchaseController(ProxyPurchases purchases, PickingList picking, SupplyPoints points, HouseholdDirectory households) {
        this.purchases = purchases;
        this.picking = picking;
        this.points = points;
        this.households = households;
    }

    @GetMapping("/livelihood/proxy")
    String batches(@RequestParam(required = false) String village, Model model) {
        Actor me = Actors.require();
        String v = village == null || village.isBlank() ? (me.scopeCode().length() == 12 ? me.scopeCode() : null) : village.strip();
        model.addAttribute("village", v);
        model.addAttribute("batches", purchases.ofVillage(v, me));
        model.addAttribute("points", points.list(null, me));
        return "livelihood/proxy";
    }

    @PostMapping("/livelihood/proxy")
    String open(@RequestParam(required = false) String village, @RequestParam(required = false) Long point, RedirectAttributes redirect) {
        try {
            return "redirect:/livelihood/proxy/" + purchases.open(village, point, Actors.require()).id();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/livelihood/proxy";
        }
    }

    @GetMapping("/livelihood/proxy/{id}")
    String batch(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        ProxyPurchases.Batch b = purchases.batch(id, me);
        model.addAttribute("b", b);
        model.addAttribute("households", b.status() == ProxyPurchases.Status.OPEN ? households.ofVillage(b.villageCode(), me) : List.of());
        return "livelihood/batch";
    }

    @PostMapping("/livelihood/proxy/{id}/orders")
    String order(@PathVariable long id, @ModelAttribute OrderEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                ProxyPurchases.Order o = purchases.addOrder(id, entry.form(), Actors.require());
                redirect.addFlashAttribute("notice", "proxy.ordered");
                redirect.addFlashAttribute("noticeArg", o.address());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/livelihood/proxy/" + id;
    }

    @PostMapping("/livelihood/proxy/{id}/send")
    String send(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, () -> purchases.send(id, Actors.require()), "proxy.sent");
    }

    @PostMapping("/livelihood/proxy/{id}/delivered")
    String delivered(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, () -> purchases.delivered(id, Actors.require()), "proxy.delivered");
    }

    @PostMapping("/livelihood/proxy/orders/{orderId}/hand-out")
    String handOut(@PathVariable long orderId, @RequestParam(defaultValue = "true") boolean received,
                   @RequestParam(required = false) BigDecimal paid, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            ProxyPurchases.Order o = purchases.handOut(orderId, received, paid, note, Actors.require());
            redirect.addFlashAttribute("notice", "proxy.handedOut");
            redirect.addFlashAttribute("noticeArg", o.address());
            return "redirect:/livelihood/proxy/" + o.batchId();
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
            return "redirect:/livelihood/proxy";
        }
    }

    private String step(long id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (FieldException e) {
            PageForms.flash(e, redirect);
        }
        return "redirect:/livelihood/proxy/" + id;
    }

    @GetMapping({"/livelihood/proxy/{id}/picking.pdf", "/api/v1/proxy-batches/{id}/picking.pdf"})
    @ResponseBody
    ResponseEntity<byte[]> pickingList(@PathVariable long id) {
        return Downloads.pdf("picking-" + id + ".pdf", picking.pdf(id, Actors.require()));
    }

    @PostMapping("/api/v1/proxy-batches")
    @ResponseBody
    ResponseEntity<ProxyPurchases.Batch> openApi(@RequestBody OpenBody body) {
        ProxyPurchases.Batch b = purchases.open(body.village(), body.point(), Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/proxy-batches/" + b.id())).body(b);
    }

    @GetMapping("/api/v1/proxy-batches")
    @ResponseBody
    List<ProxyPurchases.Batch> batchesApi(@RequestParam(required = false) String village) {
        return purchases.ofVillage(village, Actors.require());
    }

    @GetMapping("/api/v1/proxy-batches/{id}")
    @ResponseBody
    ProxyPurchases.Batch batchApi(@PathVariable long id) {
        return purchases.batch(id, Actors.require());
    }

    @PostMapping("/api/v1/proxy-batches/{id}/orders")
    @ResponseBody
    ResponseEntity<ProxyPurchases.Order> orderApi(@PathVariable long id, @RequestBody ProxyPurchases.OrderForm form) {
        return ResponseEntity.status(201).body(purchases.addOrder(id, form, Actors.require()));
    }

    @PostMapping("/api/v1/proxy-batches/{id}/send")
    @ResponseBody
    ProxyPurchases.Batch sendApi(@PathVariable long id) {
        return purchases.send(id, Actors.require());
    }

    @PostMapping("/api/v1/proxy-batches/{id}/delivered")
    @ResponseBody
    ProxyPurchases.Batch deliveredApi(@PathVariable long id) {
        return purchases.delivered(id, Actors.require());
    }

    @PostMapping("/api/v1/proxy-orders/{id}/hand-out")
    @ResponseBody
    ProxyPurchases.Order handOutApi(@PathVariable long id, @RequestBody HandBody body) {
        return purchases.handOut(id, !Boolean.FALSE.equals(body.received()), body.paid(), body.note(), Actors.require());
    }

    @PostMapping("/api/v1/proxy-orders/{id}/payment")
    @ResponseBody
    ProxyPurchases.Order payApi(@PathVariable long id, @RequestBody HandBody body) {
        return purchases.pay(id, body.paid(), Actors.require());
    }

    @GetMapping("/api/v1/households/{id}/proxy-orders")
    @ResponseBody
    List<ProxyPurchases.Order> history(@PathVariable long id) {
        return purchases.ofHousehold(id, Actors.require());
    }
}
