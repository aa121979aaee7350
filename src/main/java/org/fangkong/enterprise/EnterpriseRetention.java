package org.fangkong.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.fangkong.common.RetentionSettings;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprise module's retention (docs/privacy.md): resumption filings, which hold a responsible
 * person's name and phone, after {@code fangkong.retention.decided-filings} (a year) from their
 * decision; key-supply transport passes, which hold a driver's name and phone, after
 * {@code fangkong.retention.expired-passes} (28 days) from their last valid day; staff health checks
 * as passages at a gate ({@code fangkong.retention.passages}, 28 days); staff who left as residents
 * who moved out ({@code fangkong.retention.moved-out}, a year). The states and rates hold no personal
 * data and stay.
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
        int filings = jdbc.sql("delete from resumption_filing where decided_at < :before")
                .param("before", Timestamp.from(now.minus(settings.decidedFilings()))).update();
        int passes = jdbc.sql("delete from transport_pass where valid_to < :before")
                .param("before", ShanghaiTime.dayOf(now.minus(settings.expiredPasses()))).update();
        int checks = jdbc.sql("delete from enterprise_health_check where day < :before")
                .param("before", ShanghaiTime.dayOf(now.minus(settings.passages()))).update();
        int staff = jdbc.sql("delete from enterprise_staff where left_on < :before")
                .param("before", ShanghaiTime.dayOf(now.minus(settings.movedOut()))).update();
        return filings + passes + checks + staff;
    }

    @ClusterScheduled(cron = "0 50 3 * * *")
    void nightly() {
        log.info("Enterprise retention: {} decided filings, expired passes, old health checks and staff who left deleted", purge(clock.instant()));
    }
}
