package org.fangkong.supplies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.security.StaffDirectory;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key producers' daily output (重点企业日产量, 日照三奇 in 2020): an officer binds a producer's
 * ENTERPRISE account; the producer reports each day's output and capacity per item, and the output
 * enters its stock as production (a corrected figure moves the difference). Trends per item.
 */
@Service
public class ProducerOutput {

    /** One day's output of an item (the day defaults to today; up to 7 days back). */
    public record OutputForm(Integer item, LocalDate day, Long quantity, Long capacity) {
    }

    /** An item's output on a day, with the capacity reported. */
    public record Output(int itemId, String itemName, String unit, LocalDate day, long quantity, long capacity) {
    }

    private final JdbcClient jdbc;
    private final StockHolders holders;
    private final StockLedger ledger;
    private final SupplyCatalogue catalogue;
    private final StaffDirectory directory;
    private final Clock clock;

    ProducerOutput(JdbcClient jdbc, StockHolders holders, StockLedger ledger, SupplyCatalogue catalogue, StaffDirectory directory,
                   Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.directory = directory;
        this.clock = clock;
    }

    /** Binds an ENTERPRISE account of the caller's scope to a producer of the caller's scope (a new binding moves it). */
    @Transactional
    public void bind(long holderId, String username, Actor actor) {
        StockHolder h = holders.find(holderId, actor);
        StockHolders.requireWriter(actor);
        if (h.kind() != StockHolder.Kind.PRODUCER) {
            throw new FieldException("holder", "validation.supplies.notProducer");
        }
        String name = username == null ? "" : username.strip();
        if (directory.roleOf(name, actor.scopePath()).filter(r -> r == Role.ENTERPRISE).isEmpty()) {
            throw new FieldException("username", "validation.supplies.producerAccount");
        }
        jdbc.sql("""
                        insert into producer_account (username, holder_id, bound_by) values (:u, :h, :by)
                        on conflict (username) do update set holder_id = excluded.holder_id, bound_by = excluded.bound_by, bound_at = now()
                        """).param("u", name).param("h", holderId).param("by", actor.username()).update();
    }

    /** The producer an ENTERPRISE account reports for, if bound. */
    @Transactional(readOnly = true)
    public Optional<StockHolder> own(Actor actor) {
        return jdbc.sql(StockHolders.SELECT + " join producer_account a on a.holder_id = h.id where a.username = :u")
                .param("u", actor.username()).query(StockHolders.MAPPER).optional();
    }

    /** The holder as its own producer account or its area's staff see it; 404 otherwise. */
    @Transactional(readOnly = true)
    public StockHolder producer(long holderId, Actor actor) {
        return actor.is(Role.ENTERPRISE) ? own(actor).filter(x -> x.id() == holderId)
                .orElseThrow(() -> new NotFoundException("stockHolder")) : holders.find(holderId, actor);
    }

    @Transactional
    public Output report(long holderId, OutputForm form, Actor actor) {
        StockHolder h = producer(holderId, actor);
        if (!actor.is(Role.ENTERPRISE) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the producer or its officers report output");
        }
        if (h.kind() != StockHolder.Kind.PRODUCER) {
            throw new FieldException("holder", "validation.supplies.notProducer");
        }
        SupplyItem item = catalogue.active(form.item(), "item");
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate day = form.day() == null ? today : form.day();
        if (day.isAfter(today) || day.isBefore(today.minusDays(7))) {
            throw new FieldException("day", "validation.supplies.outputDay");
        }
        long q = form.quantity() == null ? -1 : form.quantity();
        if (q < 0 || q > 1_000_000_000L) {
            throw new FieldException("quantity", "validation.supplies.output");
        }
        long capacity = form.capacity() == null ? q : form.capacity();
        if (capacity < 0 || capacity > 1_000_000_000L) {
            throw new FieldException("capacity", "validation.supplies.capacity");
        }
        long before = jdbc.sql("select quantity from producer_output where holder_id = :h and item_id = :i and day = :d for update")
                .param("h", h.id()).param("i", item.id()).param("d", day).query(Long.class).optional().orElse(0L);
        jdbc.sql("""
                        insert into producer_output (holder_id, item_id, day, quantity, capacity, reported_by)
                        values (:h, :i, :d, :q, :c, :by)
                        on conflict (holder_id, item_id, day) do update set quantity = excluded.quantity, capacity = excluded.capacity,
                                                                           reported_by = excluded.reported_by, reported_at = now()
                        """).param("h", h.id()).param("i", item.id()).param("d", day).param("q", q).param("c", capacity)
                .param("by", actor.username()).update();
        if (q != before) {
            ledger.move(h.id(), item.id(), q > before ? StockLedger.Kind.PRODUCTION : StockLedger.Kind.ADJUSTMENT, q - before, null,
                    null, "日产量 " + day, actor.username());
        }
        return new Output(item.id(), item.name(), item.unit(), day, q, capacity);
    }

    /** The last {@code days} days' output and capacity per item, oldest first (none for a holder that does not produce). */
    @Transactional(readOnly = true)
    public List<Output> trend(long holderId, int days, Actor actor) {
        StockHolder h = producer(holderId, actor);
        return jdbc.sql("""
                        select o.item_id, i.name, i.unit, o.day, o.quantity, o.capacity from producer_output o
                        join supply_item i on i.id = o.item_id
                        where o.holder_id = :h and o.day > :from order by i.sort_order, o.day
                        """).param("h", h.id()).param("from", ShanghaiTime.today(clock).minusDays(Math.max(1, Math.min(days, 90))))
                .query((rs, n) -> new Output(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getLong(5), rs.getLong(6))).list();
    }
}
