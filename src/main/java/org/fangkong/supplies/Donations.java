package org.fangkong.supplies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donations (捐赠) received by a node: money in yuan, or goods that enter one of its holders' stock;
 * each allocated to destinations until nothing is left (goods leave by a dispatch order). Nothing is
 * allocated twice: an allocation locks its donation and checks what is left.
 */
@Service
public class Donations {

    public enum Kind {
        MONEY, GOODS
    }

    /** A donation as recorded: money ({@code amount}) or goods ({@code holder}, {@code item}, {@code quantity}). */
    public record DonationForm(String jurisdiction, LocalDate receivedOn, String donor, Boolean anonymous, String kind,
                               BigDecimal amount, Long holder, Integer item, Long quantity, String note) {
    }

    /** An allocation: money or goods to a holder, with its purpose. */
    public record AllocationForm(Long to, BigDecimal amount, Long quantity, String purpose) {
    }

    /** A donation with what was allocated of it and what is left. */
    public record Donation(long id, String jurisdictionCode, String jurisdictionName, LocalDate receivedOn, String donor,
                           boolean anonymous, Kind kind, BigDecimal amount, Long holderId, String holderName, Integer itemId,
                           String itemName, String unit, Long quantity, String note, BigDecimal allocatedAmount,
                           long allocatedQuantity) {

        /** The donor as published: 爱心人士 for those who asked not to be named. */
        @JsonProperty
        public String publicDonor() {
            return anonymous ? "爱心人士" : donor;
        }

        @JsonProperty
        public BigDecimal amountLeft() {
            return amount == null ? null : amount.subtract(allocatedAmount);
        }

        @JsonProperty
        public Long quantityLeft() {
            return quantity == null ? null : quantity - allocatedQuantity;
        }
    }

    /** Where a donation went. */
    public record Allocation(long id, long donationId, String toName, BigDecimal amount, Long quantity, String dispatchNumber,
                             String purpose, LocalDate allocatedOn) {
    }

    static final String SELECT = """
            select d.*, j.name as jurisdiction_name, h.name as holder_name, i.name as item_name, i.unit,
                   coalesce(a.amount, 0) as allocated_amount, coalesce(a.quantity, 0) as allocated_quantity
            from donation d join jurisdiction j on j.code = d.jurisdiction_code
            left join stock_holder h on h.id = d.holder_id left join supply_item i on i.id = d.item_id
            left join (select donation_id, sum(amount) as amount, sum(quantity) as quantity from donation_allocation group by 1) a
                   on a.donation_id = d.id
            """;
    static final RowMapper<Donation> MAPPER = (rs, n) -> new Donation(rs.getLong("id"), rs.getString("jurisdiction_code"),
            rs.getString("jurisdiction_name"), rs.getObject("received_on", LocalDate.class), rs.getString("donor"),
            rs.getBoolean("anonymous"), Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
            (Long) rs.getObject("holder_id"), rs.getString("holder_name"), (Integer) rs.getObject("item_id"), rs.getString("item_name"),
            rs.getString("unit"), (Long) rs.getObject("quantity"), rs.getString("note"), rs.getBigDecimal("allocated_amount"),
            rs.getLong("allocated_quantity"));

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final StockHolders holders;
    private final StockLedger ledger;
    private final SupplyCatalogue catalogue;
    private final Dispatches dispatches;
    private final Clock clock;

    Donations(JdbcClient jdbc, Jurisdictions jurisdictions, StockHolders holders, StockLedger ledger, SupplyCatalogue catalogue,
              Dispatches dispatches, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.holders = holders;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.dispatches = dispatches;
        this.clock = clock;
    }

    @Transactional
    public Donation record(DonationForm form, Actor actor) {
        StockHolders.requireWriter(actor);
        Jurisdiction node = jurisdictions.find(form.jurisdiction() == null ? actor.scopeCode() : form.jurisdiction().strip(),
                actor.scopePath()).orElseThrow(() -> new FieldException("jurisdiction", "validation.supplies.holderPlace"));
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate on = form.receivedOn() == null ? today : form.receivedOn();
        if (on.isAfter(today) || on.isBefore(LocalDate.of(2019, 12, 1))) {
            throw new FieldException("receivedOn", "validation.donation.receivedOn");
        }
        String donor = form.donor() == null ? "" : form.donor().strip();
        if (donor.isEmpty() || donor.length() > 100) {
            throw new FieldException("donor", "validation.donation.donor");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(form.kind() == null ? "" : form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("kind", "validation.donation.kind");
        }
        String note = SupplyRequests.text(form.note(), 500, "note");
        BigDecimal amount = null;
        StockHolder holder = null;
        SupplyItem item = null;
        if (kind == Kind.MONEY) {
            amount = money(form.amount(), "amount");
        } else {
            holder = form.holder() == null ? null : holders.find(form.holder(), actor);
            if (holder == null) {
                throw new FieldException("holder", "validation.supplies.holder");
            }
            item = catalogue.active(form.item(), "item");
            if (form.quantity() == null || form.quantity() <= 0 || form.quantity() > 100_000_000L) {
                throw new FieldException("quantity", "validation.supplies.quantity");
            }
        }
        long id = jdbc.sql("""
                        insert into donation (jurisdiction_code, received_on, donor, anonymous, kind, amount, holder_id, item_id, quantity,
                                              note, recorded_by)
                        values (:j, :on, :donor, :anon, :kind, :amount, :h, :i, :q, :note, :by) returning id
                        """).param("j", node.code()).param("on", on).param("donor", donor)
                .param("anon", Boolean.TRUE.equals(form.anonymous())).param("kind", kind.name()).param("amount", amount)
                .param("h", holder == null ? null : holder.id()).param("i", item == null ? null : item.id())
                .param("q", kind == Kind.GOODS ? form.quantity() : null).param("note", note).param("by", actor.username())
                .query(Long.class).single();
        if (kind == Kind.GOODS) {
            ledger.move(holder.id(), item.id(), StockLedger.Kind.RECEIPT, form.quantity(), null, null,
                    "捐赠 #" + id + " " + (Boolean.TRUE.equals(form.anonymous()) ? "爱心人士" : donor), actor.username());
        }
        return find(id, actor);
    }

    /** Allocates part or all of what is left of a donation; goods leave the holder by a dispatch order. */
    @Transactional
    public Allocation allocate(long donationId, AllocationForm form, Actor actor) {
        Donation d = find(donationId, actor);
        StockHolders.requireWriter(actor);
        jdbc.sql("select id from donation where id = :id for update").param("id", donationId).query(Long.class).single();
        d = find(donationId, actor); // what is left, read under the lock
        StockHolder to = holders.anyHolder(form.to()).orElseThrow(() -> new FieldException("to", "validation.supplies.destination"));
        String purpose = SupplyRequests.text(form.purpose(), 200, "purpose");
        BigDecimal amount = null;
        Long quantity = null;
        Long dispatchId = null;
        if (d.kind() == Kind.MONEY) {
            amount = money(form.amount(), "amount");
            if (amount.compareTo(d.amountLeft()) > 0) {
                throw new FieldException("amount", "validation.donation.moreThanLeft", d.amountLeft().toPlainString());
            }
        } else {
            quantity = form.quantity();
            if (quantity == null || quantity <= 0 || quantity > d.quantityLeft()) {
                throw new FieldException("quantity", "validation.donation.moreThanLeft", d.quantityLeft());
            }
            try {
                dispatchId = dispatches.send(new Dispatches.DispatchForm(d.holderId(), to.id(), "", "", "", "捐赠 #" + d.id() + " " + purpose,
                        List.of(new Dispatches.LineForm(d.itemId(), quantity, null))), actor).id();
            } catch (FieldException e) {
                throw new FieldException(e.field().startsWith("lines[0].") ? e.field().substring(9) : e.field(), e.messageKey(), e.args());
            }
        }
        long id = jdbc.sql("""
                        insert into donation_allocation (donation_id, to_holder_id, amount, quantity, dispatch_id, purpose, allocated_on,
                                                         allocated_by)
                        values (:d, :to, :amount, :q, :dispatch, :purpose, :on, :by) returning id
                        """).param("d", donationId).param("to", to.id()).param("amount", amount).param("q", quantity)
                .param("dispatch", dispatchId).param("purpose", purpose).param("on", ShanghaiTime.today(clock))
                .param("by", actor.username()).query(Long.class).single();
        return allocations(List.of(donationId)).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Donation find(long id, Actor actor) {
        StockHolders.requireReader(actor);
        return jdbc.sql(SELECT + " where d.id = :id and j.path <@ cast(:scope as ltree)").param("id", id)
                .param("scope", actor.scopePath()).query(MAPPER).optional().orElseThrow(() -> new NotFoundException("donation"));
    }

    /** The donations received below a node (default the caller's scope) in a span of days, newest first. */
    @Transactional(readOnly = true)
    public List<Donation> list(String code, LocalDate from, LocalDate to, Actor actor) {
        StockHolders.requireReader(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return jdbc.sql(SELECT + """
                         where j.path <@ cast(:node as ltree) and d.received_on between :from and :to
                        order by d.received_on desc, d.id desc
                        """).param("node", node.path()).param("from", from == null ? LocalDate.of(2019, 12, 1) : from)
                .param("to", to == null ? ShanghaiTime.today(clock) : to).query(MAPPER).list();
    }

    /** The allocations of some donations, in the order made. */
    @Transactional(readOnly = true)
    public List<Allocation> allocations(List<Long> donationIds) {
        if (donationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.*, h.name as to_name, d.number from donation_allocation a join stock_holder h on h.id = a.to_holder_id
                        left join dispatch d on d.id = a.dispatch_id where a.donation_id = any(:ids) order by a.id
                        """).param("ids", donationIds.toArray(Long[]::new))
                .query((rs, n) -> new Allocation(rs.getLong("id"), rs.getLong("donation_id"), rs.getString("to_name"),
                        rs.getBigDecimal("amount"), (Long) rs.getObject("quantity"), rs.getString("number"), rs.getString("purpose"),
                        rs.getObject("allocated_on", LocalDate.class))).list();
    }

    private static BigDecimal money(BigDecimal amount, String field) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new FieldException(field, "validation.donation.amount");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
