package org.fangkong.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.fangkong.common.RetentionSettings;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledgers' retention (docs/privacy.md): passages at the gate, their fever alerts and the pass checks after
 * {@code fangkong.retention.passages} (28 days), residents who moved out and outsiders who left
 * after {@code fangkong.retention.moved-out} (a year), self-registered arrivals nobody confirmed after
 * {@code fangkong.retention.unconfirmed-arrivals} (28 days from arrival). Nightly, in one transaction.
 */
@Component
class LedgerRetention {

    private static final Logger log = LoggerFactory.getLogger(LedgerRetention.class);

    /** What one run deleted. */
    record Purged(int passages, int residents, int outsiders, int unconfirmed) {
    }

    private final JdbcClient jdbc;
    private final RetentionSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    LedgerRetention(JdbcClient jdbc, RetentionSettings settings, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    Purged purge(Instant now) {
        Timestamp passagesBefore = Timestamp.from(now.minus(settings.passages()));
        LocalDate leftBefore = ShanghaiTime.dayOf(now.minus(settings.movedOut()));
        return tx.execute(status -> {
            jdbc.sql("delete from checkpoint_alert a using passage p where p.id = a.passage_id and p.at < :before")
                    .param("before", passagesBefore).update();
            int passages = jdbc.sql("delete from passage where at < :before").param("before", passagesBefore).update();
            jdbc.sql("delete from pass_check where at < :before").param("before", passagesBefore).update();
            int residents = jdbc.sql("delete from resident where moved_out_on < :before").param("before", leftBefore).update();
            int outsiders = jdbc.sql("delete from outsider where left_on < :before").param("before", leftBefore).update();
            int unconfirmed = jdbc.sql("delete from outsider where self_registered and confirmed_at is null and arrived_on < :before")
                    .param("before", ShanghaiTime.dayOf(now.minus(settings.unconfirmedArrivals()))).update();
            return new Purged(passages, residents, outsiders, unconfirmed);
        });
    }

    @ClusterScheduled(cron = "0 45 3 * * *")
    void nightly() {
        Purged p = purge(clock.instant());
        log.info("Ledger retention: {} passages, {} moved-out residents, {} outsiders who left, {} unconfirmed self-registrations deleted",
                p.passages(), p.residents(), p.outsiders(), p.unconfirmed());
    }
}
