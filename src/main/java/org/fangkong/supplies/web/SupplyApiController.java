package org.fangkong.supplies.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.fangkong.common.security.Actors;
import org.fangkong.common.web.PageResult;
import org.fangkong.supplies.Dispatch;
import org.fangkong.supplies.Dispatches;
import org.fangkong.supplies.ProducerOutput;
import org.fangkong.supplies.StockCover;
import org.fangkong.supplies.StockHolder;
import org.fangkong.supplies.StockHolders;
import org.fangkong.supplies.StockLedger;
import org.fangkong.supplies.StockOverview;
import org.fangkong.supplies.SupplyCatalogue;
import org.fangkong.supplies.SupplyItem;
import org.fangkong.supplies.SupplyRequest;
import org.fangkong.supplies.SupplyRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Medical supplies over the API (docs/api.md): catalogue, holders, stock, requests, dispatches. */
@RestController
@RequestMapping("/api/v1")
class SupplyApiController {

    /** A reason given alone. */
    record Reason(String reason) {
    }

    private final SupplyCatalogue catalogue;
    private final StockHolders holders;
    private final StockLedger ledger;
    private final StockOverview overview;
    private final SupplyRequests requests;
    private final Dispatches dispatches;
    private final StockCover cover;
    private final ProducerOutput producers;

    SupplyApiController(SupplyCatalogue catalogue, StockHolders holders, StockLedger ledger, StockOverview overview,
                        SupplyRequests requests, Dispatches dispatches, StockCover cover, ProducerOutput producers) {
        this.cover = cover;
        this.producers = producers;
        this.catalogue = catalogue;
        this.holders = holders;
        this.ledger = ledger;
        this.overview = overview;
        this.requests = requests;
        this.dispatches = dispatches;
    }

    @GetMapping("/supply-items")
    List<SupplyItem> items() {
        Actors.require();
        return catalogue.items();
    }

    @PostMapping("/supply-items")
    ResponseEntity<SupplyItem> addItem(@RequestBody SupplyCatalogue.ItemForm form) {
        SupplyItem item = catalogue.add(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/supply-items/" + item.id())).body(item);
    }

    @PutMapping("/supply-items/{id}")
    SupplyItem updateItem(@PathVariable int id, @RequestBody SupplyCatalogue.ItemForm form) {
        return catalogue.update(id, form, Actors.require());
    }

    @GetMapping("/stock-holders")
    List<StockHolder> holders(@RequestParam(required = false) String node) {
        return holders.list(node, Actors.require());
    }

    @PostMapping("/stock-holders")
    ResponseEntity<StockHolder> register(@RequestBody StockHolders.HolderForm form) {
        StockHolder h = holders.register(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/stock-holders/" + h.id())).body(h);
    }

    @GetMapping("/stock-holders/{id}")
    Map<String, Object> holder(@PathVariable long id) {
        return Map.of("holder", holders.find(id, Actors.require()), "balances", ledger.balances(id, Actors.require()),
                "cover", cover.ofHolder(id, Actors.require()));
    }

    /** A receipt, production, consumption or adjustment: {@code 201} with the movement and the balance after it. */
    @PostMapping("/stock-holders/{id}/movements")
    ResponseEntity<StockLedger.Movement> move(@PathVariable long id, @RequestBody StockLedger.MovementForm form) {
        return ResponseEntity.status(201).body(ledger.record(id, form, Actors.require()));
    }

    /** The stock card of one item (every item's movements without it): newest first with the balance after each. */
    @GetMapping("/stock-holders/{id}/movements")
    PageResult<StockLedger.Movement> card(@PathVariable long id, @RequestParam(required = false) Integer item, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return ledger.card(id, item, page, size, Actors.require());
    }

    @GetMapping("/stock")
    StockOverview.View stock(@RequestParam(required = false) String node) {
        return overview.of(node, Actors.require());
    }

    /** A username given alone. */
    record Account(String username) {
    }

    /** Binds an ENTERPRISE account to a producer (it then reports the producer's output). */
    @PostMapping("/stock-holders/{id}/accounts")
    ResponseEntity<Void> bind(@PathVariable long id, @RequestBody Account body) {
        producers.bind(id, body.username(), Actors.require());
        return ResponseEntity.noContent().build();
    }

    /** A producer's output of a day: enters its stock as production. */
    @PostMapping("/stock-holders/{id}/output")
    ResponseEntity<ProducerOutput.Output> output(@PathVariable long id, @RequestBody ProducerOutput.OutputForm form) {
        return ResponseEntity.status(201).body(producers.report(id, form, Actors.require()));
    }

    @GetMapping("/stock-holders/{id}/output")
    List<ProducerOutput.Output> outputs(@PathVariable long id, @RequestParam(defaultValue = "30") int days) {
        return producers.trend(id, days, Actors.require());
    }

    /** The node's holders' items under 3 days of cover, the shortest first. */
    @GetMapping("/stock/shortages")
    List<StockCover.Cover> shortages(@RequestParam(required = false) String node) {
        return cover.shortages(node, 200, Actors.require());
    }

    @PostMapping("/supply-requests")
    ResponseEntity<SupplyRequest> request(@RequestBody SupplyRequests.RequestForm form) {
        SupplyRequest r = requests.submit(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/supply-requests/" + r.id())).body(r);
    }

    @GetMapping("/supply-requests")
    List<SupplyRequest> requests(@RequestParam(defaultValue = "false") boolean open) {
        return requests.list(open, Actors.require());
    }

    @GetMapping("/supply-requests/{id}")
    SupplyRequest requestOne(@PathVariable long id) {
        return requests.find(id, Actors.require());
    }

    @PostMapping("/supply-requests/{id}/approve")
    SupplyRequest approve(@PathVariable long id, @RequestBody(required = false) SupplyRequests.DecisionForm form) {
        return requests.approve(id, form, Actors.require());
    }

    @PostMapping("/supply-requests/{id}/reject")
    SupplyRequest reject(@PathVariable long id, @RequestBody Reason body) {
        return requests.reject(id, body.reason(), Actors.require());
    }

    @PostMapping("/dispatches")
    ResponseEntity<Dispatch> send(@RequestBody Dispatches.DispatchForm form) {
        Dispatch d = dispatches.send(form, Actors.require());
        return ResponseEntity.created(URI.create("/api/v1/dispatches/" + d.id())).body(d);
    }

    @GetMapping("/dispatches")
    List<Dispatch> dispatches(@RequestParam(required = false) Long holder) {
        return dispatches.list(holder, Actors.require());
    }

    @GetMapping("/dispatches/{id}")
    Dispatch dispatch(@PathVariable long id) {
        return dispatches.find(id, Actors.require());
    }

    /** Proof of delivery: what arrived per item id (left out: all that was sent). */
    @PostMapping("/dispatches/{id}/receive")
    Dispatch receive(@PathVariable long id, @RequestBody(required = false) Dispatches.ReceiptForm form) {
        return dispatches.receive(id, form, Actors.require());
    }
}
