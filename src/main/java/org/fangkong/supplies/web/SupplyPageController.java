package org.fangkong.supplies.web;

import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NavItem;
import org.fangkong.common.web.PageForms;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.supplies.Dispatches;
import org.fangkong.supplies.StockCover;
import org.fangkong.supplies.StockHolder;
import org.fangkong.supplies.StockHolders;
import org.fangkong.supplies.StockLedger;
import org.fangkong.supplies.StockOverview;
import org.fangkong.supplies.SupplyCatalogue;
import org.fangkong.supplies.SupplyRequest;
import org.fangkong.supplies.SupplyRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock of a node, its holders, a holder's page with its stock and forms, and the stock card. */
@Controller
class SupplyPageController {

    /** A movement as typed on the holder's page. */
    record MovementEntry(Integer item, String kind, Long quantity, String reason) {
    }

    private final StockOverview overview;
    private final StockHolders holders;
    private final StockLedger ledger;
    private final SupplyCatalogue catalogue;
    private final SupplyRequests requests;
    private final Dispatches dispatches;
    private final Jurisdictions jurisdictions;
    private final StockCover cover;

    SupplyPageController(StockOverview overview, StockHolders holders, StockLedger ledger, SupplyCatalogue catalogue,
                         SupplyRequests requests, Dispatches dispatches, Jurisdictions jurisdictions, StockCover cover) {
        this.cover = cover;
        this.overview = overview;
        this.holders = holders;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.requests = requests;
        this.dispatches = dispatches;
        this.jurisdictions = jurisdictions;
    }

    @Bean
    static NavItem suppliesNavItem() {
        return new NavItem("nav.supplies", "/supplies", 44, Set.of(Role.OFFICER, Role.COMMANDER, Role.ADMIN));
    }

    @GetMapping("/supplies")
    String stock(@RequestParam(required = false) String node, Model model) {
        Actor me = Actors.require();
        StockOverview.View view = overview.of(node, me);
        model.addAttribute("view", view);
        model.addAttribute("holders", holders.list(view.node().code(), me));
        model.addAttribute("shortages", cover.shortages(view.node().code(), 50, me));
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(view.node().code(), me.scopePath()));
        model.addAttribute("mayWrite", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("kinds", StockHolder.Kind.values());
        return "supplies/stock";
    }

    @PostMapping("/supplies/holders")
    String register(@ModelAttribute StockHolders.HolderForm form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                StockHolder h = holders.register(form, Actors.require());
                redirect.addFlashAttribute("notice", "supplies.holderRegistered");
                redirect.addFlashAttribute("noticeArg", h.name());
                return "redirect:/supplies/holders/" + h.id();
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supplies";
    }

    @GetMapping("/supplies/holders/{id}")
    String holder(@PathVariable long id, Model model) {
        Actor me = Actors.require();
        StockHolder h = holders.find(id, me);
        model.addAttribute("holder", h);
        model.addAttribute("balances", ledger.balances(id, me));
        model.addAttribute("covers", cover.ofHolder(id, me).stream()
                .collect(Collectors.toMap(StockCover.Cover::itemId, Function.identity())));
        model.addAttribute("items", catalogue.items().stream().filter(i -> i.active()).toList());
        model.addAttribute("destinations", holders.destinations());
        model.addAttribute("dispatches", dispatches.list(id, me));
        model.addAttribute("requests", requests.ofHolder(id, me));
        model.addAttribute("openRequests", requests.list(true, me).stream()
                .filter(r -> r.status() == SupplyRequest.Status.APPROVED || r.status() == SupplyRequest.Status.PARTLY_FULFILLED).toList());
        model.addAttribute("mayWrite", me.is(Role.OFFICER) || me.is(Role.ADMIN));
        model.addAttribute("crumbs", jurisdictions.breadcrumbs(h.jurisdictionCode(), me.scopePath()));
        return "supplies/holder";
    }

    @PostMapping("/supplies/holders/{id}/movements")
    String move(@PathVariable long id, @ModelAttribute MovementEntry entry, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                StockLedger.Movement m = ledger.record(id, new StockLedger.MovementForm(entry.item(), entry.kind(), entry.quantity(),
                        entry.reason()), Actors.require());
                redirect.addFlashAttribute("notice", "supplies.moved");
                redirect.addFlashAttribute("noticeArg", m.balanceAfter());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supplies/holders/" + id;
    }

    @GetMapping("/supplies/holders/{id}/card")
    String card(@PathVariable long id, @RequestParam(required = false) Integer item, @RequestParam(required = false) Integer page,
                Model model) {
        Actor me = Actors.require();
        model.addAttribute("holder", holders.find(id, me));
        model.addAttribute("item", item == null ? null : catalogue.find(item));
        model.addAttribute("result", ledger.card(id, item, page, 50, me));
        return "supplies/card";
    }

    @GetMapping("/supplies/items")
    String items(Model model) {
        Actor me = Actors.require();
        model.addAttribute("items", catalogue.items());
        model.addAttribute("mayEdit", me.is(Role.ADMIN) && me.scopeCode().length() == 2);
        return "supplies/items";
    }

    @PostMapping("/supplies/items")
    String addItem(@ModelAttribute SupplyCatalogue.ItemForm form, BindingResult binding, RedirectAttributes redirect) {
        if (PageForms.bound(binding, redirect)) {
            try {
                redirect.addFlashAttribute("notice", "supplies.itemAdded");
                redirect.addFlashAttribute("noticeArg", catalogue.add(form, Actors.require()).name());
            } catch (FieldException e) {
                PageForms.flash(e, redirect);
            }
        }
        return "redirect:/supplies/items";
    }
}
