package org.fangkong.supplies;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock as a ledger of movements (库存台账): each movement changes the holder's balance of an item in
 * the same transaction and keeps the balance after it, so a holder's stock card reads back every
 * movement with its running balance. A balance never goes below zero: what leaves is taken by one
 * conditional update, so concurrent dispatches of the last units queue on the balance's row and the
 * later ones are refused.
 */
@Service
public class StockLedger {

    /** Kinds a person records directly; dispatches and their receipts come from {@link Dispatches}. */
    public enum Kind {
        RECEIPT, PRODUCTION, DISPATCH, TRANSFER_IN, CONSUMPTION, ADJUSTMENT
    }

    /** A movement recorded by hand: receipt, production, consumption or an adjustment (signed, with a reason). */
    public record MovementForm(Integer item, String kind, Long quantity, String reason) {
    }

    /** One line of a stock card. */
    public record Movement(long id, int itemId, String itemName, Kind kind, long quantity, long balanceAfter, Long dispatchId, String counterpart,
                           String reason, String recordedBy, Instant recordedAt) {
    }

    /** A holder's balance of one item. */
    public record Balance(SupplyItem item, long onHand, long inTransitOut) {
    }

    private static final RowMapper<Movement> MOVEMENT = (rs, n) -> new Movement(rs.getLong("id"), rs.getInt("item_id"),
            rs.getString("item_name"), Kind.valueOf(rs.getString("kind")), rs.getLong("quantity"), rs.getLong("balance_after"),
            (Long) rs.getObject("dispatch_id"), rs.getString("counterpart"), rs.getString("reason"), rs.getString("recorded_by"),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final StockHolders holders;
    private final SupplyCatalogue catalogue;

    StockLedger(JdbcClient jdbc, StockHolders holders, SupplyCatalogue catalogue) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.catalogue = catalogue;
    }

    /** Records a receipt, production, consumption or adjustment at a holder of the caller's scope. */
    @Transactional
    public Movement record(long holderId, MovementForm form, Actor actor) {
        holders.find(holderId, actor);
        StockHolders.requireWriter(actor);
        Kind kind;
        try {
            kind = Kind.valueOf(form.kind() == null ? "" : form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("kind", "validation.supplies.movementKind");
        }
        if (kind == Kind.DISPATCH || kind == Kind.TRANSFER_IN) {
            throw new FieldException("kind", "validation.supplies.movementKind");
        }
        SupplyItem item = catalogue.active(form.item(), "item");
        long q = form.quantity() == null ? 0 : form.quantity();
        String reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.length() > 200) {
            throw new FieldException("reason", "validation.supplies.reason");
        }
        if (kind == Kind.ADJUSTMENT) {
            if (q == 0 || Math.abs(q) > 100_000_000L) {
                throw new FieldException("quantity", "validation.supplies.quantity");
            }
            if (reason.isEmpty()) {
                throw new FieldException("reason", "validation.supplies.adjustmentReason");
            }
        } else if (q <= 0 || q > 100_000_000L) {
            throw new FieldException("quantity", "validation.supplies.quantity");
        }
        long delta = kind == Kind.CONSUMPTION ? -q : q;
        return move(holderId, item.id(), kind, delta, null, null, reason, actor.username());
    }

    /**
     * Moves stock: the balance changes by {@code delta} unless it would go below zero (then the field
     * {@code quantity} is refused with what is on hand), and the movement is kept with the balance after.
     */
    Movement move(long holderId, int itemId, Kind kind, long delta, Long dispatchId, Long counterpart, String reason, String by) {
        jdbc.sql("insert into stock_balance (holder_id, item_id) values (:h, :i) on conflict do nothing")
                .param("h", holderId).param("i", itemId).update();
        Long after = jdbc.sql("""
                        update stock_balance set on_hand = on_hand + :d, movements = movements + 1, updated_at = now()
                        where holder_id = :h and item_id = :i and on_hand + :d >= 0 returning on_hand
                        """).param("h", holderId).param("i", itemId).param("d", delta).query(Long.class).optional().orElse(null);
        if (after == null) {
            long onHand = jdbc.sql("select on_hand from stock_balance where holder_id = :h and item_id = :i")
                    .param("h", holderId).param("i", itemId).query(Long.class).single();
            throw new FieldException("quantity", "validation.supplies.insufficient", onHand);
        }
        if (kind == Kind.CONSUMPTION || kind == Kind.DISPATCH) {
            jdbc.sql("""
                            insert into stock_use_day (holder_id, item_id, day, used)
                            values (:h, :i, (now() at time zone 'Asia/Shanghai')::date, :q)
                            on conflict (holder_id, item_id, day) do update set used = stock_use_day.used + excluded.used
                            """).param("h", holderId).param("i", itemId).param("q", -delta).update();
        }
        return jdbc.sql("""
                        with m as (
                            insert into stock_movement (holder_id, item_id, kind, quantity, balance_after, dispatch_id, counterpart_id,
                                                        reason, recorded_by)
                            values (:h, :i, :kind, :d, :after, :dispatch, :counterpart, :reason, :by) returning *
                        )
                        select m.*, c.name as counterpart, i.name as item_name
                        from m join supply_item i on i.id = m.item_id left join stock_holder c on c.id = m.counterpart_id
                        """).param("h", holderId).param("i", itemId).param("kind", kind.name()).param("d", delta).param("after", after)
                .param("dispatch", dispatchId).param("counterpart", counterpart).param("reason", reason).param("by", by)
                .query(MOVEMENT).single();
    }

    /** The holder's balance of every item it ever held, with what left it and is still on the road. */
    @Transactional(readOnly = true)
    public List<Balance> balances(long holderId, Actor actor) {
        holders.find(holderId, actor);
        StockHolders.requireReader(actor);
        return jdbc.sql("""
                        select i.*, b.on_hand,
                               coalesce((select sum(l.sent) from dispatch d join dispatch_line l on l.dispatch_id = d.id
                                         where d.from_holder_id = :h and d.status = 'IN_TRANSIT' and l.item_id = i.id), 0) as in_transit
                        from stock_balance b join supply_item i on i.id = b.item_id
                        where b.holder_id = :h order by i.sort_order, i.id
                        """).param("h", holderId)
                .query((rs, n) -> new Balance(SupplyCatalogue.MAPPER.mapRow(rs, n), rs.getLong("on_hand"), rs.getLong("in_transit")))
                .list();
    }

    /**
     * The stock card (库存卡) of a holder's item: its movements, newest first, each with the balance
     * after it; without an item, the holder's whole ledger.
     */
    @Transactional(readOnly = true)
    public PageResult<Movement> card(long holderId, Integer itemId, Integer page, Integer size, Actor actor) {
        holders.find(holderId, actor);
        StockHolders.requireReader(actor);
        int p = PageResult.page(page);
        int s = PageResult.size(size);
        return PageResult.query(jdbc.sql("""
                        select m.*, c.name as counterpart, i.name as item_name,
                               (select sum(b.movements) from stock_balance b
                                where b.holder_id = :h and (cast(:i as int) is null or b.item_id = :i)) as total_rows
                        from stock_movement m join supply_item i on i.id = m.item_id left join stock_holder c on c.id = m.counterpart_id
                        where m.holder_id = :h and (cast(:i as int) is null or m.item_id = :i)
                        order by m.id desc limit :size offset :offset
                        """).param("h", holderId).param("i", itemId), MOVEMENT, p, s);
    }
}
