package org.fangkong.observation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.fangkong.common.RetentionSettings;
import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Home observation's retention (docs/privacy.md): the temperature readings of an order go
 * {@code fangkong.retention.readings-after-release} (28 days) after it closed; the closed order
 * itself, with its alerts, after {@code fangkong.retention.closed-orders} (a year), unless a case
 * record refers to it. Nightly, in one transaction.
 */
@Component
class ObservationRetention {

    private static final Logger log = LoggerFactory.getLogger(ObservationRetention.class);

    /** What one run deleted. */
    record Purged(int readings, int orders) {
    }

    private final JdbcClient jdbc;
    private final RetentionSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    ObservationRetention(JdbcClient jdbc, RetentionSettings settings, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    Purged purge(Instant now) {
        Timestamp readingsBefore = Timestamp.from(now.minus(settings.readingsAfterRelease()));
        Timestamp ordersBefore = Timestamp.from(now.minus(settings.closedOrders()));
        return tx.execute(status -> {
            int readings = jdbc.sql("""
                            delete from observation_reading r using observation_order o
                            where o.id = r.order_id and o.closed_at < :before and o.status in ('RELEASED', 'TRANSFERRED')
                            """).param("before", readingsBefore).update();
            String old = """
                    select o.id from observation_order o
                    where o.closed_at < :before and o.status in ('RELEASED', 'TRANSFERRED')
                      and not exists (select 1 from case_record c where c.observation_order_id = o.id)
                    """;
            jdbc.sql("delete from observation_reading where order_id in (" + old + ")").param("before", ordersBefore).update();
            jdbc.sql("delete from observation_alert where order_id in (" + old + ")").param("before", ordersBefore).update();
            int orders = jdbc.sql("delete from observation_order where id in (" + old + ")").param("before", ordersBefore).update();
            return new Purged(readings, orders);
        });
    }

    @ClusterScheduled(cron = "0 50 3 * * *")
    void nightly() {
        Purged p = purge(clock.instant());
        log.info("Observation retention: {} readings and {} closed orders deleted", p.readings(), p.orders());
    }
}
