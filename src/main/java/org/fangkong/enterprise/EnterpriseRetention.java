package org.fangkong.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.fangkong.common.RetentionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The enterprise module's retention (docs/privacy.md): resumption filings, which hold a responsible
 * person's name and phone, after {@code fangkong.retention.decided-filings} (a year) from their
 * decision. The states and rates hold no personal data and stay.
 */
@Component
class EnterpriseRetention {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseRetention.class);

    private final JdbcClient jdbc;
    private final RetentionSettings settings;
    private final Clock clock;

    EnterpriseRetention(JdbcClient jdbc, RetentionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    int purge(Instant now) {
        return jdbc.sql("delete from resumption_filing where decided_at < :before")
                .param("before", Timestamp.from(now.minus(settings.decidedFilings()))).update();
    }

    @Scheduled(cron = "0 50 3 * * *", zone = "Asia/Shanghai")
    void nightly() {
        log.info("Enterprise retention: {} decided filings deleted", purge(clock.instant()));
    }
}
