package org.fangkong.observation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Release (解除隔离医学观察, docs/rules.md): after 14 full days — from the day after the last day of the
 * period — an order that is not escalated can be released, one by one or for a whole village; the
 * release notice (解除隔离医学观察告知书) is a PDF with the person's name (audited as a reveal).
 */
@Service
public class Releases {

    private final JdbcClient jdbc;
    private final ObservationOrders orders;
    private final PersonRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    Releases(JdbcClient jdbc, ObservationOrders orders, PersonRecords records, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    static void requireReleaser(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers release observation orders");
        }
    }

    /** Whether the order may be released today: not escalated, and its 14 days are over. */
    public boolean releasable(ObservationOrder order) {
        return order.status() == ObservationOrder.Status.ACTIVE && ShanghaiTime.today(clock).isAfter(order.lastDay());
    }

    @Transactional
    public ObservationOrder release(long orderId, Actor actor) {
        requireReleaser(actor);
        ObservationOrder order = orders.find(orderId, actor);
        if (!releasable(order)) {
            throw new FieldException("order", "validation.observation.notReleasable");
        }
        close(List.of(orderId), actor);
        return orders.find(orderId, actor);
    }

    /** Releases every releasable order of a village, community or grid (and below) in scope; answers how many. */
    @Transactional
    public int releaseAll(String jurisdiction, Actor actor) {
        requireReleaser(actor);
        List<Long> ids = orders.list(jurisdiction, true, actor).stream().filter(this::releasable).map(ObservationOrder::id)
                .toList();
        close(ids, actor);
        return ids.size();
    }

    private void close(List<Long> ids, Actor actor) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update observation_order set status = 'RELEASED', closed_at = now(), closed_by = :by
                        where id in (:ids) and status = 'ACTIVE'
                        """).param("ids", ids).param("by", actor.username()).update();
        for (long id : ids) {
            audit.record(AuditActions.OBSERVATION_RELEASED, "observation-order:" + id, null);
        }
    }

    /** The release notice of a released order, as A4 PDF; shows the full name, so it is audited as a reveal. */
    @Transactional
    public byte[] notice(long orderId, Actor actor) {
        ObservationOrder order = orders.find(orderId, actor);
        if (order.status() != ObservationOrder.Status.RELEASED) {
            throw new FieldException("order", "validation.observation.notReleased");
        }
        long record = jdbc.sql("select record_id from observation_order where id = :id").param("id", orderId)
                .query(Long.class).single();
        PersonIdentity who = records.reveal(record, "解除隔离医学观察告知书");
        LocalDate releasedOn = jdbc.sql("select (closed_at at time zone 'Asia/Shanghai')::date from observation_order where id = :id")
                .param("id", orderId).query(LocalDate.class).single();
        String township = jdbc.sql("""
                        select t.name from jurisdiction t, jurisdiction j
                        where j.code = :j and t.level = 'TOWNSHIP' and t.path @> j.path
                        """).param("j", order.jurisdictionCode()).query(String.class).optional().orElse(order.jurisdictionName());
        return ReleaseNotice.pdf(new ReleaseNotice.Content(orderId, who.name(), order.idNumber(), order.anchorDate(),
                order.lastDay(), releasedOn, order.jurisdictionName(), township));
    }
}
