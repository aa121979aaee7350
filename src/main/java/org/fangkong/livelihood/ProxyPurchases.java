package org.fangkong.livelihood;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.ledger.HouseholdDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proxy purchase (代购, 稻田镇 2020): the village's cadres open a batch for a supply point, add each
 * household's order (what, how much, notes; a household with someone under observation gets it at
 * the door), send the batch as one order, mark it delivered to the village, and hand out per
 * household with a sign-off; paid and owed per household.
 */
@Service
public class ProxyPurchases {

    public enum Status {
        OPEN, SENT, DELIVERED
    }

    public record LineForm(String item, Integer quantity, String unit) {
    }

    public record OrderForm(Long household, List<LineForm> lines, String note, BigDecimal amount) {
    }

    public record Line(String item, int quantity, String unit) {
    }

    public record Order(long id, long batchId, long householdId, String address, boolean doorstep, String note, BigDecimal amount,
                        BigDecimal paid, String handedBy, Instant handedAt, Boolean received, String handNote, List<Line> lines) {

        @JsonProperty
        public BigDecimal owed() {
            return amount.subtract(paid).max(BigDecimal.ZERO);
        }
    }

    public record Batch(long id, String villageCode, String villageName, long pointId, String pointName, Status status, String createdBy,
                        Instant createdAt, Instant sentAt, Instant deliveredAt, List<Order> orders) {
    }

    private final JdbcClient jdbc;
    private final SupplyPoints points;
    private final HouseholdDirectory households;

    ProxyPurchases(JdbcClient jdbc, SupplyPoints points, HouseholdDirectory households) {
        this.jdbc = jdbc;
        this.points = points;
        this.households = households;
    }

    @Transactional
    public Batch open(String village, Long pointId, Actor actor) {
        requireCadre(actor);
        SupplyPoint p = pointId == null ? null : points.find(pointId, actor);
        if (p == null) {
            throw new FieldException("point", "validation.proxy.point");
        }
        String v = village == null || village.isBlank() ? actor.scopeCode() : village.strip();
        if (v.length() != 12 || !v.startsWith(actor.scopeCode())) {
            throw new FieldException("village", "validation.proxy.village");
        }
        long id = jdbc.sql("insert into proxy_batch (village_code, point_id, created_by) values (:v, :p, :by) returning id")
                .param("v", v).param("p", p.id()).param("by", actor.username()).query(Long.class).single();
        return batch(id, actor);
    }

    @Transactional
    public Order addOrder(long batchId, OrderForm form, Actor actor) {
        Batch b = batch(batchId, actor);
        requireCadre(actor);
        if (b.status() != Status.OPEN) {
            throw new ConflictException("batch", "validation.proxy.notOpen");
        }
        HouseholdDirectory.Household h = households.find(form.household() == null ? -1 : form.household(), actor)
                .filter(x -> x.villageCode().equals(b.villageCode()))
                .orElseThrow(() -> new FieldException("household", "validation.proxy.household"));
        List<LineForm> lines = form.lines() == null ? List.of() : form.lines().stream()
                .filter(l -> l != null && l.item() != null && !l.item().isBlank()).toList();
        if (lines.isEmpty() || lines.size() > 30) {
            throw new FieldException("lines", "validation.proxy.lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            LineForm l = lines.get(i);
            if (l.item().strip().length() > 50 || l.quantity() == null || l.quantity() < 1 || l.quantity() > 1000
                    || l.unit() == null || l.unit().isBlank() || l.unit().strip().length() > 10) {
                throw new FieldException("lines[" + i + "]", "validation.proxy.line");
            }
        }
        BigDecimal amount = form.amount() == null ? BigDecimal.ZERO : form.amount();
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("100000")) > 0) {
            throw new FieldException("amount", "validation.proxy.amount");
        }
        String note = form.note() == null ? "" : form.note().strip();
        if (note.length() > 200) {
            throw new FieldException("note", "validation.proxy.note");
        }
        Long id = jdbc.sql("""
                        insert into proxy_order (batch_id, household_id, address, doorstep, note, amount, created_by)
                        values (:b, :h, :a, :door, :note, :amount, :by) on conflict (batch_id, household_id) do nothing returning id
                        """).param("b", batchId).param("h", h.id()).param("a", h.address()).param("door", h.doorstep())
                .param("note", note).param("amount", amount).param("by", actor.username()).query(Long.class).optional()
                .orElseThrow(() -> new ConflictException("household", "validation.proxy.twice"));
        for (LineForm l : lines) {
            jdbc.sql("""
                            insert into proxy_order_line (order_id, item, quantity, unit) values (:o, :i, :q, :u)
                            on conflict (order_id, item, unit) do update set quantity = proxy_order_line.quantity + excluded.quantity
                            """).param("o", id).param("i", l.item().strip()).param("q", l.quantity()).param("u", l.unit().strip()).update();
        }
        return batch(batchId, actor).orders().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    /** Sends an open batch with at least one order to its supply point. */
    @Transactional
    public Batch send(long batchId, Actor actor) {
        Batch b = batch(batchId, actor);
        requireCadre(actor);
        if (b.orders().isEmpty()) {
            throw new FieldException("batch", "validation.proxy.empty");
        }
        move(batchId, Status.OPEN, Status.SENT, "sent", actor);
        return batch(batchId, actor);
    }

    /** The point's delivery reached the village. */
    @Transactional
    public Batch delivered(long batchId, Actor actor) {
        batch(batchId, actor);
        requireCadre(actor);
        move(batchId, Status.SENT, Status.DELIVERED, "delivered", actor);
        return batch(batchId, actor);
    }

    /** Hands a household its goods (or records it was not received), with what it paid; once. */
    @Transactional
    public Order handOut(long orderId, boolean received, BigDecimal paid, String note, Actor actor) {
        return handOutAt(orderId, received, paid, note, null, actor);
    }

    /** As {@link #handOut} at the moment it happened (a sign-off made without signal, sent later); {@code null} is now. */
    @Transactional
    public Order handOutAt(long orderId, boolean received, BigDecimal paid, String note, Instant at, Actor actor) {
        long batchId = jdbc.sql("select batch_id from proxy_order where id = :id").param("id", orderId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("proxyOrder"));
        Batch b = batch(batchId, actor);
        requireCadre(actor);
        if (b.status() != Status.DELIVERED) {
            throw new ConflictException("batch", "validation.proxy.notDelivered");
        }
        Order o = b.orders().stream().filter(x -> x.id() == orderId).findFirst().orElseThrow();
        BigDecimal p = paid == null ? o.paid() : paid;
        if (p.signum() < 0 || p.scale() > 2 || p.compareTo(new BigDecimal("100000")) > 0) {
            throw new FieldException("paid", "validation.proxy.amount");
        }
        int n = jdbc.sql("""
                        update proxy_order set handed_by = :by, handed_at = coalesce(cast(:at as timestamptz), now()), received = :r, paid = :p,
                                               hand_note = :note
                        where id = :id and handed_at is null
                        """).param("id", orderId).param("by", actor.username()).param("r", received).param("p", p)
                .param("at", at == null ? null : Timestamp.from(at))
                .param("note", note == null ? "" : note.strip()).update();
        if (n == 0) {
            throw new ConflictException("order", "validation.proxy.handedOut");
        }
        return batch(batchId, actor).orders().stream().filter(x -> x.id() == orderId).findFirst().orElseThrow();
    }

    /** A later payment of what a household owed. */
    @Transactional
    public Order pay(long orderId, BigDecimal paid, Actor actor) {
        long batchId = jdbc.sql("select batch_id from proxy_order where id = :id").param("id", orderId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("proxyOrder"));
        batch(batchId, actor);
        requireCadre(actor);
        if (paid == null || paid.signum() < 0 || paid.scale() > 2 || paid.compareTo(new BigDecimal("100000")) > 0) {
            throw new FieldException("paid", "validation.proxy.amount");
        }
        jdbc.sql("update proxy_order set paid = :p where id = :id").param("p", paid).param("id", orderId).update();
        return batch(batchId, actor).orders().stream().filter(x -> x.id() == orderId).findFirst().orElseThrow();
    }

    private void move(long batchId, Status from, Status to, String column, Actor actor) {
        int n = jdbc.sql("update proxy_batch set status = :to, " + column + "_by = :by, " + column + "_at = now() where id = :id and status = :from")
                .param("to", to.name()).param("from", from.name()).param("by", actor.username()).param("id", batchId).update();
        if (n == 0) {
            throw new ConflictException("batch", "validation.proxy.state");
        }
    }

    @Transactional(readOnly = true)
    public Batch batch(long id, Actor actor) {
        SupplyPoints.requireStaff(actor);
        List<Batch> found = batches(" where b.id = :id and j.path <@ cast(:scope as ltree)", Map.of("id", id, "scope", actor.scopePath()));
        if (found.isEmpty()) {
            throw new NotFoundException("proxyBatch");
        }
        return found.get(0);
    }

    /** A village's batches (or every village's of the caller's scope), open and undelivered first, newest first. */
    @Transactional(readOnly = true)
    public List<Batch> ofVillage(String village, Actor actor) {
        SupplyPoints.requireStaff(actor);
        return batches(" where j.path <@ cast(:scope as ltree) and (cast(:v as text) is null or b.village_code = :v)"
                        + " order by b.status = 'DELIVERED', b.created_at desc limit 100",
                mapOf("scope", actor.scopePath(), "v", village == null || village.isBlank() ? null : village.strip()));
    }

    /** A household's orders, newest first (its history). */
    @Transactional(readOnly = true)
    public List<Order> ofHousehold(long householdId, Actor actor) {
        SupplyPoints.requireStaff(actor);
        households.find(householdId, actor).orElseThrow(() -> new NotFoundException("household"));
        List<Long> ids = jdbc.sql("select batch_id from proxy_order where household_id = :h").param("h", householdId).query(Long.class).list();
        List<Order> orders = new ArrayList<>();
        for (Batch b : ids.isEmpty() ? List.<Batch>of() : batches(" where b.id = any(:ids)", Map.of("ids", ids.toArray(Long[]::new)))) {
            b.orders().stream().filter(o -> o.householdId() == householdId).forEach(orders::add);
        }
        orders.sort((a, c) -> Long.compare(c.id(), a.id()));
        return orders;
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private List<Batch> batches(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select b.*, j.name as village_name, p.name as point_name from proxy_batch b
                join jurisdiction j on j.code = b.village_code join supply_point p on p.id = b.point_id
                """ + where);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        List<Batch> bare = spec.query((rs, n) -> new Batch(rs.getLong("id"), rs.getString("village_code"), rs.getString("village_name"),
                rs.getLong("point_id"), rs.getString("point_name"), Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs.getObject("sent_at", OffsetDateTime.class)),
                instant(rs.getObject("delivered_at", OffsetDateTime.class)), List.of())).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<Line>> lines = new HashMap<>();
        Map<Long, List<Order>> orders = new HashMap<>();
        Long[] ids = bare.stream().map(Batch::id).toArray(Long[]::new);
        jdbc.sql("""
                        select l.* from proxy_order_line l join proxy_order o on o.id = l.order_id where o.batch_id = any(:ids)
                        order by l.item, l.unit
                        """).param("ids", ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                            .add(new Line(rs.getString("item"), rs.getInt("quantity"), rs.getString("unit")));
                });
        jdbc.sql("select * from proxy_order where batch_id = any(:ids) order by address, id").param("ids", ids)
                .query(rs -> {
                    long id = rs.getLong("id");
                    orders.computeIfAbsent(rs.getLong("batch_id"), k -> new ArrayList<>()).add(new Order(id, rs.getLong("batch_id"),
                            rs.getLong("household_id"), rs.getString("address"), rs.getBoolean("doorstep"), rs.getString("note"),
                            rs.getBigDecimal("amount"), rs.getBigDecimal("paid"), rs.getString("handed_by"),
                            instant(rs.getObject("handed_at", OffsetDateTime.class)), (Boolean) rs.getObject("received"),
                            rs.getString("hand_note"), lines.getOrDefault(id, List.of())));
                });
        return bare.stream().map(b -> new Batch(b.id(), b.villageCode(), b.villageName(), b.pointId(), b.pointName(), b.status(),
                b.createdBy(), b.createdAt(), b.sentAt(), b.deliveredAt(), orders.getOrDefault(b.id(), List.of()))).toList();
    }

    /** The village's grid workers and officers (and admins) run the proxy purchases. */
    static void requireCadre(Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the village's cadres run proxy purchases");
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
