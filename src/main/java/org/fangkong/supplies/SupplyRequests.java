package org.fangkong.supplies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests up the tree (物资申请): a warehouse asks the level above its node; a hospital or producer
 * asks its own node (the county keeps its hospitals). Staff of that level approve each line in full,
 * in part or not at all, or reject it with a reason; dispatches then fulfil the approved quantities.
 */
@Service
public class SupplyRequests {

    /** A request as sent: the holder asking, how urgent, needed by (default by urgency), the lines. */
    public record RequestForm(Long holder, String urgency, OffsetDateTime neededBy, String note, List<LineForm> lines) {
    }

    public record LineForm(Integer item, Long quantity) {
    }

    /** The decision: each item's approved quantity (an item left out: as asked), and a note. */
    public record DecisionForm(Map<Integer, Long> approved, String note) {
    }

    private static final String SELECT = """
            select r.*, h.name as holder_name, hj.name as holder_place, aj.name as approver_name
            from supply_request r join stock_holder h on h.id = r.holder_id join jurisdiction hj on hj.code = h.jurisdiction_code
            join jurisdiction aj on aj.code = r.approver
            """;
    /** Seen by the requesting holder's area and by the deciding level's. */
    private static final String VISIBLE = " (hj.path <@ cast(:scope as ltree) or aj.path <@ cast(:scope as ltree)) ";

    private final JdbcClient jdbc;
    private final StockHolders holders;
    private final SupplyCatalogue catalogue;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    SupplyRequests(JdbcClient jdbc, StockHolders holders, SupplyCatalogue catalogue, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.catalogue = catalogue;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    public SupplyRequest submit(RequestForm form, Actor actor) {
        StockHolder holder = form.holder() == null ? null : holders.find(form.holder(), actor);
        StockHolders.requireWriter(actor);
        if (holder == null) {
            throw new FieldException("holder", "validation.supplies.holder");
        }
        String approver = approverOf(holder);
        SupplyRequest.Urgency urgency;
        try {
            urgency = form.urgency() == null || form.urgency().isBlank() ? SupplyRequest.Urgency.ROUTINE
                    : SupplyRequest.Urgency.valueOf(form.urgency().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("urgency", "validation.supplies.urgency");
        }
        Instant now = clock.instant();
        Instant neededBy = form.neededBy() != null ? form.neededBy().toInstant() : now.plus(switch (urgency) {
            case CRITICAL -> Duration.ofHours(12);
            case URGENT -> Duration.ofHours(24);
            case ROUTINE -> Duration.ofDays(3);
        });
        if (!neededBy.isAfter(now) || neededBy.isAfter(now.plus(Duration.ofDays(60)))) {
            throw new FieldException("neededBy", "validation.supplies.neededBy");
        }
        if (form.lines() == null || form.lines().isEmpty() || form.lines().size() > 30) {
            throw new FieldException("lines", "validation.supplies.lines");
        }
        Map<Integer, Long> lines = new HashMap<>();
        for (int i = 0; i < form.lines().size(); i++) {
            LineForm l = form.lines().get(i);
            SupplyItem item = catalogue.active(l == null ? null : l.item(), "lines[" + i + "].item");
            long q = l.quantity() == null ? 0 : l.quantity();
            if (q <= 0 || q > 100_000_000L) {
                throw new FieldException("lines[" + i + "].quantity", "validation.supplies.quantity");
            }
            if (lines.put(item.id(), q) != null) {
                throw new FieldException("lines[" + i + "].item", "validation.supplies.itemTwice");
            }
        }
        String note = text(form.note(), 500, "note");
        long id = jdbc.sql("""
                        insert into supply_request (holder_id, approver, urgency, needed_by, note, requested_by)
                        values (:h, :a, :u, :needed, :note, :by) returning id
                        """).param("h", holder.id()).param("a", approver).param("u", urgency.name())
                .param("needed", OffsetDateTime.ofInstant(neededBy, ShanghaiTime.ZONE)).param("note", note)
                .param("by", actor.username()).query(Long.class).single();
        jdbc.sql("insert into supply_request_line (request_id, item_id, quantity) select :r, unnest(:items), unnest(:qs)")
                .param("r", id).param("items", lines.keySet().toArray(Integer[]::new))
                .param("qs", lines.values().toArray(Long[]::new)).update();
        return find(id, actor);
    }

    /** The level that decides: above a warehouse's node; a hospital's or producer's own node. */
    private String approverOf(StockHolder holder) {
        if (holder.kind() == StockHolder.Kind.WAREHOUSE || holder.kind() == StockHolder.Kind.EXTERNAL) {
            return jurisdictions.findUnscoped(holder.jurisdictionCode()).map(Jurisdiction::parentCode)
                    .filter(p -> p != null && !p.isEmpty())
                    .orElseThrow(() -> new FieldException("holder", "validation.supplies.topHolder"));
        }
        return holder.jurisdictionCode();
    }

    @Transactional(readOnly = true)
    public SupplyRequest find(long id, Actor actor) {
        StockHolders.requireReader(actor);
        List<SupplyRequest> found = read(SELECT + " where r.id = :id and" + VISIBLE, Map.of("id", id, "scope", actor.scopePath()));
        if (found.isEmpty()) {
            throw new NotFoundException("supplyRequest");
        }
        return found.get(0);
    }

    /**
     * The requests the caller's area sent or decides: open ones first (most urgent, soonest needed),
     * then the decided and fulfilled, newest first; at most 200.
     */
    @Transactional(readOnly = true)
    public List<SupplyRequest> list(boolean openOnly, Actor actor) {
        StockHolders.requireReader(actor);
        return read(SELECT + " where" + VISIBLE + (openOnly ? " and r.status in ('SUBMITTED', 'APPROVED', 'PARTLY_FULFILLED')" : "") + """
                 order by r.status in ('REJECTED', 'FULFILLED'),
                          case r.urgency when 'CRITICAL' then 0 when 'URGENT' then 1 else 2 end, r.needed_by, r.id desc
                 limit 200
                """, Map.of("scope", actor.scopePath()));
    }

    /** The requests of one holder, newest first. */
    @Transactional(readOnly = true)
    public List<SupplyRequest> ofHolder(long holderId, Actor actor) {
        holders.find(holderId, actor);
        return read(SELECT + " where r.holder_id = :h order by r.id desc limit 100", Map.of("h", holderId));
    }

    @Transactional
    public SupplyRequest approve(long id, DecisionForm form, Actor actor) {
        SupplyRequest r = decidable(id, actor);
        Map<Integer, Long> approved = form == null || form.approved() == null ? Map.of() : form.approved();
        Set<Integer> asked = new HashSet<>();
        for (SupplyRequest.Line l : r.lines()) {
            asked.add(l.itemId());
        }
        for (Map.Entry<Integer, Long> e : approved.entrySet()) {
            SupplyRequest.Line line = r.lines().stream().filter(l -> l.itemId() == e.getKey()).findFirst()
                    .orElseThrow(() -> new FieldException("approved", "validation.supplies.notAsked"));
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > line.quantity()) {
                throw new FieldException("approved[" + e.getKey() + "]", "validation.supplies.approved", line.quantity());
            }
        }
        decide(id, SupplyRequest.Status.APPROVED, text(form == null ? null : form.note(), 500, "note"), actor);
        List<Integer> items = new ArrayList<>(asked);
        jdbc.sql("""
                        update supply_request_line l set approved = coalesce(a.q, l.quantity)
                        from (select unnest(cast(:items as int[])) as item, unnest(cast(:qs as bigint[])) as q) a
                        where l.request_id = :r and l.item_id = a.item
                        """).param("r", id).param("items", items.toArray(Integer[]::new))
                .param("qs", items.stream().map(approved::get).toArray(Long[]::new)).update();
        return find(id, actor);
    }

    @Transactional
    public SupplyRequest reject(long id, String reason, Actor actor) {
        decidable(id, actor);
        String why = text(reason, 500, "reason");
        if (why.isEmpty()) {
            throw new FieldException("reason", "validation.supplies.rejectReason");
        }
        decide(id, SupplyRequest.Status.REJECTED, why, actor);
        return find(id, actor);
    }

    private SupplyRequest decidable(long id, Actor actor) {
        SupplyRequest r = find(id, actor);
        StockHolders.requireWriter(actor);
        boolean decides = jdbc.sql("select path <@ cast(:scope as ltree) from jurisdiction where code = :a")
                .param("a", r.approver()).param("scope", actor.scopePath()).query(Boolean.class).single();
        if (!decides) {
            throw new AccessDeniedException("the level above decides");
        }
        if (r.status() != SupplyRequest.Status.SUBMITTED) {
            throw new ConflictException("status", "validation.supplies.decided");
        }
        return r;
    }

    /** Decided once: two deciding at the same moment, the second is told it was decided. */
    private void decide(long id, SupplyRequest.Status status, String note, Actor actor) {
        int n = jdbc.sql("""
                        update supply_request set status = :s, decided_by = :by, decided_at = now(), decision = :note
                        where id = :id and status = 'SUBMITTED'
                        """).param("id", id).param("s", status.name()).param("by", actor.username()).param("note", note).update();
        if (n == 0) {
            throw new ConflictException("status", "validation.supplies.decided");
        }
    }

    /** A dispatch took {@code quantity} of a request's item: counted, and the request's status follows. */
    void dispatched(long requestId, int itemId, long quantity, long toHolder, Actor actor) {
        SupplyRequest r = find(requestId, actor);
        if (r.holderId() != toHolder) {
            throw new FieldException("request", "validation.supplies.requestElsewhere");
        }
        if (r.status() != SupplyRequest.Status.APPROVED && r.status() != SupplyRequest.Status.PARTLY_FULFILLED) {
            throw new ConflictException("request", "validation.supplies.requestNotOpen");
        }
        int updated = jdbc.sql("""
                        update supply_request_line set dispatched = dispatched + :q
                        where request_id = :r and item_id = :i and approved - dispatched >= :q
                        """).param("r", requestId).param("i", itemId).param("q", quantity).update();
        if (updated == 0) {
            throw new FieldException("quantity", "validation.supplies.beyondApproved");
        }
        jdbc.sql("""
                        update supply_request set status = case when (select bool_and(dispatched >= approved) from supply_request_line
                                                                      where request_id = :r) then 'FULFILLED' else 'PARTLY_FULFILLED' end
                        where id = :r
                        """).param("r", requestId).update();
    }

    private List<SupplyRequest> read(String sql, Map<String, Object> params) {
        var spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<SupplyRequest> bare = spec.query((rs, n) -> new SupplyRequest(rs.getLong("id"), rs.getLong("holder_id"),
                rs.getString("holder_name"), rs.getString("holder_place"), rs.getString("approver"), rs.getString("approver_name"),
                SupplyRequest.Urgency.valueOf(rs.getString("urgency")), rs.getObject("needed_by", OffsetDateTime.class).toInstant(),
                rs.getString("note"), SupplyRequest.Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("decided_by"),
                instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decision"), List.of())).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<SupplyRequest.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        select l.*, i.name, i.unit from supply_request_line l join supply_item i on i.id = l.item_id
                        where l.request_id = any(:ids) order by i.sort_order, i.id
                        """).param("ids", bare.stream().map(SupplyRequest::id).toArray(Long[]::new))
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("request_id"), k -> new ArrayList<>())
                            .add(new SupplyRequest.Line(rs.getInt("item_id"), rs.getString("name"), rs.getString("unit"),
                                    rs.getLong("quantity"), (Long) rs.getObject("approved"), rs.getLong("dispatched")));
                });
        return bare.stream().map(r -> new SupplyRequest(r.id(), r.holderId(), r.holderName(), r.holderPlace(), r.approver(),
                r.approverName(), r.urgency(), r.neededBy(), r.note(), r.status(), r.requestedBy(), r.requestedAt(), r.decidedBy(),
                r.decidedAt(), r.decision(), lines.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static String text(String value, int max, String field) {
        String t = value == null ? "" : value.strip();
        if (t.length() > max) {
            throw new FieldException(field, "validation.supplies.tooLong", max);
        }
        return t;
    }
}
