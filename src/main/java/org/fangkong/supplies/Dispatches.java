package org.fangkong.supplies;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatch orders (调拨) and their proof of delivery: the sender's stock leaves at once (all lines or
 * none: one line short refuses the whole order), the goods are in transit until the receiver signs
 * for what arrived, which enters the receiver's stock; a shortfall is kept on the line.
 */
@Service
public class Dispatches {

    /** An order as sent; lines may name the request they fulfil. */
    public record DispatchForm(Long from, Long to, String vehicle, String driverName, String driverPhone, String note,
                               List<LineForm> lines) {
    }

    public record LineForm(Integer item, Long quantity, Long request) {
    }

    /** What arrived per item (an item left out: all that was sent), and a note. */
    public record ReceiptForm(Map<Integer, Long> received, String note) {
    }

    private static final String SELECT = """
            select d.*, f.name as from_name, t.name as to_name
            from dispatch d join stock_holder f on f.id = d.from_holder_id join stock_holder t on t.id = d.to_holder_id
            join jurisdiction fj on fj.code = f.jurisdiction_code join jurisdiction tj on tj.code = t.jurisdiction_code
            """;
    /** Both ends see it. */
    private static final String VISIBLE = " (fj.path <@ cast(:scope as ltree) or tj.path <@ cast(:scope as ltree)) ";

    private final JdbcClient jdbc;
    private final StockHolders holders;
    private final StockLedger ledger;
    private final SupplyCatalogue catalogue;
    private final SupplyRequests requests;
    private final PiiSealer sealer;

    Dispatches(JdbcClient jdbc, StockHolders holders, StockLedger ledger, SupplyCatalogue catalogue, SupplyRequests requests,
               PiiSealer sealer) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.requests = requests;
        this.sealer = sealer;
    }

    @Transactional
    public Dispatch send(DispatchForm form, Actor actor) {
        if (form.from() == null) {
            throw new FieldException("from", "validation.supplies.holder");
        }
        StockHolder from = holders.find(form.from(), actor);
        StockHolders.requireWriter(actor);
        StockHolder to = holders.anyHolder(form.to()).filter(h -> h.id() != from.id())
                .orElseThrow(() -> new FieldException("to", "validation.supplies.destination"));
        if (form.lines() == null || form.lines().isEmpty() || form.lines().size() > 30) {
            throw new FieldException("lines", "validation.supplies.lines");
        }
        String vehicle = SupplyRequests.text(form.vehicle(), 20, "vehicle");
        String driver = SupplyRequests.text(form.driverName(), 50, "driverName");
        PhoneNumber phone = null;
        if (form.driverPhone() != null && !form.driverPhone().isBlank()) {
            try {
                phone = PhoneNumber.parse(form.driverPhone());
            } catch (InvalidValueException e) {
                throw new FieldException("driverPhone", e.messageKey());
            }
        }
        long id = jdbc.sql("""
                        insert into dispatch (number, from_holder_id, to_holder_id, vehicle, driver_sealed, driver_masked,
                                              phone_sealed, phone_masked, note, dispatched_by)
                        values ('', :f, :t, :v, :ds, :dm, :ps, :pm, :note, :by) returning id
                        """).param("f", from.id()).param("t", to.id()).param("v", vehicle)
                .param("ds", driver.isEmpty() ? null : sealer.encrypt(driver)).param("dm", driver.isEmpty() ? "" : Masking.name(driver))
                .param("ps", phone == null ? null : sealer.encrypt(phone.value())).param("pm", phone == null ? "" : phone.masked())
                .param("note", SupplyRequests.text(form.note(), 500, "note")).param("by", actor.username()).query(Long.class).single();
        jdbc.sql("update dispatch set number = 'DP' || to_char(dispatched_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || id where id = :id")
                .param("id", id).update();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < form.lines().size(); i++) {
            LineForm l = form.lines().get(i);
            String at = "lines[" + i + "].";
            SupplyItem item = catalogue.active(l == null ? null : l.item(), at + "item");
            if (!seen.add(item.id())) {
                throw new FieldException(at + "item", "validation.supplies.itemTwice");
            }
            long q = l.quantity() == null ? 0 : l.quantity();
            if (q <= 0 || q > 100_000_000L) {
                throw new FieldException(at + "quantity", "validation.supplies.quantity");
            }
            try {
                if (l.request() != null) {
                    requests.dispatched(l.request(), item.id(), q, to.id(), actor);
                }
                ledger.move(from.id(), item.id(), StockLedger.Kind.DISPATCH, -q, id, to.id(), "", actor.username());
            } catch (FieldException e) {
                throw e instanceof ConflictException ? new ConflictException(at + e.field(), e.messageKey(), e.args())
                        : new FieldException(at + e.field(), e.messageKey(), e.args());
            }
            jdbc.sql("insert into dispatch_line (dispatch_id, item_id, request_id, sent) values (:d, :i, :r, :q)")
                    .param("d", id).param("i", item.id()).param("r", l.request()).param("q", q).update();
        }
        return find(id, actor);
    }

    /** The receiver (its area's staff) signs for what arrived, once; it enters the receiver's stock. */
    @Transactional
    public Dispatch receive(long id, ReceiptForm form, Actor actor) {
        Dispatch d = find(id, actor);
        StockHolders.requireWriter(actor);
        StockHolder to = holders.find(d.toHolderId(), actor); // the receiving end only
        if (d.status() != Dispatch.Status.IN_TRANSIT) {
            throw new ConflictException("status", "validation.supplies.received");
        }
        Map<Integer, Long> received = form == null || form.received() == null ? Map.of() : form.received();
        for (Integer item : received.keySet()) {
            if (d.lines().stream().noneMatch(l -> l.itemId() == item)) {
                throw new FieldException("received", "validation.supplies.notSent");
            }
        }
        Map<Integer, Long> got = new HashMap<>();
        for (Dispatch.Line l : d.lines()) {
            Long given = received.get(l.itemId());
            long q = given == null ? l.sent() : given;
            if (q < 0 || q > l.sent()) {
                throw new FieldException("received[" + l.itemId() + "]", "validation.supplies.receivedRange", l.sent());
            }
            got.put(l.itemId(), q);
        }
        // signed for once: the first to flip the status wins, the others (even at the same moment) are told
        int claimed = jdbc.sql("""
                        update dispatch set status = 'DELIVERED', received_by = :by, received_at = now(), receipt_note = :note
                        where id = :id and status = 'IN_TRANSIT'
                        """).param("id", id).param("by", actor.username())
                .param("note", SupplyRequests.text(form == null ? null : form.note(), 500, "note")).update();
        if (claimed == 0) {
            throw new ConflictException("status", "validation.supplies.received");
        }
        for (Map.Entry<Integer, Long> e : got.entrySet()) {
            jdbc.sql("update dispatch_line set received = :q where dispatch_id = :d and item_id = :i")
                    .param("q", e.getValue()).param("d", id).param("i", e.getKey()).update();
            if (e.getValue() > 0) {
                ledger.move(to.id(), e.getKey(), StockLedger.Kind.TRANSFER_IN, e.getValue(), id, d.fromHolderId(), "", actor.username());
            }
        }
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    public Dispatch find(long id, Actor actor) {
        StockHolders.requireReader(actor);
        List<Dispatch> found = read(SELECT + " where d.id = :id and" + VISIBLE, Map.of("id", id, "scope", actor.scopePath()));
        if (found.isEmpty()) {
            throw new NotFoundException("dispatch");
        }
        return found.get(0);
    }

    /** Dispatches from or to a holder of the caller's scope (or all the scope's when none), in transit first, newest first. */
    @Transactional(readOnly = true)
    public List<Dispatch> list(Long holderId, Actor actor) {
        StockHolders.requireReader(actor);
        if (holderId != null) {
            holders.find(holderId, actor);
            return read(SELECT + " where (d.from_holder_id = :h or d.to_holder_id = :h)"
                    + " order by d.status = 'DELIVERED', d.id desc limit 200", Map.of("h", holderId));
        }
        return read(SELECT + " where" + VISIBLE + " order by d.status = 'DELIVERED', d.id desc limit 200",
                Map.of("scope", actor.scopePath()));
    }

    private List<Dispatch> read(String sql, Map<String, Object> params) {
        var spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Dispatch> bare = spec.query((rs, n) -> new Dispatch(rs.getLong("id"), rs.getString("number"), rs.getLong("from_holder_id"),
                rs.getString("from_name"), rs.getLong("to_holder_id"), rs.getString("to_name"),
                Dispatch.Status.valueOf(rs.getString("status")), rs.getString("vehicle"), rs.getString("driver_masked"),
                rs.getString("phone_masked"), rs.getString("note"), rs.getString("dispatched_by"),
                rs.getObject("dispatched_at", OffsetDateTime.class).toInstant(), rs.getString("received_by"),
                rs.getObject("received_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("receipt_note"), List.of())).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<Dispatch.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        select l.*, i.name, i.unit from dispatch_line l join supply_item i on i.id = l.item_id
                        where l.dispatch_id = any(:ids) order by i.sort_order, i.id
                        """).param("ids", bare.stream().map(Dispatch::id).toArray(Long[]::new))
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("dispatch_id"), k -> new ArrayList<>()).add(new Dispatch.Line(rs.getInt("item_id"),
                            rs.getString("name"), rs.getString("unit"), (Long) rs.getObject("request_id"), rs.getLong("sent"),
                            (Long) rs.getObject("received")));
                });
        return bare.stream().map(d -> new Dispatch(d.id(), d.number(), d.fromHolderId(), d.fromName(), d.toHolderId(), d.toName(),
                d.status(), d.vehicle(), d.driver(), d.driverPhone(), d.note(), d.dispatchedBy(), d.dispatchedAt(), d.receivedBy(),
                d.receivedAt(), d.receiptNote(), lines.getOrDefault(d.id(), List.of()))).toList();
    }
}
