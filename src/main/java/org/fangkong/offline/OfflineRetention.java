package org.fangkong.offline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.fangkong.common.jobs.ClusterScheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An entry's key and first answer are kept 30 days: long past any phone's retry (entries older than
 * 14 days are refused), short enough to hold nothing for long. The rows the entries wrote follow their
 * own ledgers' retention.
 */
@Component
class OfflineRetention {

    static final Duration KEEP = Duration.ofDays(30);

    private final JdbcClient jdbc;

    OfflineRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int purge(Instant now) {
        return jdbc.sql("delete from offline_entry where received_at < :before")
                .param("before", Timestamp.from(now.minus(KEEP))).update();
    }

    @ClusterScheduled(cron = "0 50 3 * * *")
    void nightly() {
        purge(Instant.now());
    }
}
