package org.fangkong.livelihood;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.fangkong.common.RetentionSettings;
import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The livelihood module's retention (docs/privacy.md): a household's proxy-purchase orders (what it
 * bought, paid and owed, by address) are deleted {@code fangkong.retention.proxy-orders} (a year) after
 * their batch was delivered, with the batch once empty. Supply points hold no personal data.
 */
@Component
class LivelihoodRetention {

    private static final Logger log = LoggerFactory.getLogger(LivelihoodRetention.class);

    private final JdbcClient jdbc;
    private final RetentionSettings settings;
    private final Clock clock;

    LivelihoodRetention(JdbcClient jdbc, RetentionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    int purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(settings.proxyOrders()));
        int orders = jdbc.sql("delete from proxy_order where batch_id in (select id from proxy_batch where delivered_at < :before)")
                .param("before", before).update();
        jdbc.sql("delete from proxy_batch b where delivered_at < :before and not exists (select 1 from proxy_order o where o.batch_id = b.id)")
                .param("before", before).update();
        return orders;
    }

    @ClusterScheduled(cron = "0 5 4 * * *")
    void nightly() {
        log.info("Livelihood retention: {} proxy-purchase orders deleted", purge(clock.instant()));
    }
}
