package org.fangkong.tracing;

import java.sql.Timestamp;
import java.time.Instant;

import org.fangkong.common.RetentionSettings;
import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uploaded lists are personal data from outside (names, ID numbers, phones): a list, its matched
 * rows with their sealed identities and its follow-up tasks are deleted together once older than
 * the retention (default 28 days, like check-ins: two incubation periods).
 */
@Component
class MatchRetention {

    private static final Logger log = LoggerFactory.getLogger(MatchRetention.class);

    private final JdbcClient jdbc;
    private final RetentionSettings settings;

    MatchRetention(JdbcClient jdbc, RetentionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Deletes the lists uploaded before {@code now} minus the retention; answers how many. */
    int purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(settings.matchLists()));
        // one statement: rows go with their list and tasks with their rows (on delete cascade)
        int lists = jdbc.sql("delete from match_list where uploaded_at < :before").param("before", before).update();
        if (lists > 0) {
            log.info("Deleted {} matched lists older than {}", lists, settings.matchLists());
        }
        return lists;
    }

    @ClusterScheduled(cron = "0 40 3 * * *")
    void nightly() {
        purge(Instant.now());
    }
}
