package org.fangkong.supplies;

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
 * The supplies module's retention (docs/privacy.md): a dispatch's driver (name and phone) is cleared
 * {@code fangkong.retention.delivered-dispatches} (90 days) after delivery; medical team members'
 * names and phones {@code fangkong.retention.returned-teams} (a year) after the team came back (the
 * masked name, hospital and speciality stay for the record). The orders, their lines and the stock
 * movements hold no personal data and stay.
 */
@Component
class SupplyRetention {

    private static final Logger log = LoggerFactory.getLogger(SupplyRetention.class);

    private final JdbcClient jdbc;
    private final RetentionSettings settings;
    private final Clock clock;

    SupplyRetention(JdbcClient jdbc, RetentionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    int purge(Instant now) {
        int drivers = jdbc.sql("""
                        update dispatch set driver_sealed = null, driver_masked = '', phone_sealed = null, phone_masked = ''
                        where received_at < :before and (driver_sealed is not null or phone_sealed is not null)
                        """).param("before", Timestamp.from(now.minus(settings.deliveredDispatches()))).update();
        int members = jdbc.sql("""
                        update team_member set name_sealed = null, phone_sealed = null, phone_masked = ''
                        where (name_sealed is not null or phone_sealed is not null)
                          and team_id in (select id from medical_team where returned_on < :before)
                        """).param("before", ShanghaiTime.dayOf(now.minus(settings.returnedTeams()))).update();
        return drivers + members;
    }

    @ClusterScheduled(cron = "0 55 3 * * *")
    void nightly() {
        log.info("Supplies retention: {} drivers and team members cleared", purge(clock.instant()));
    }
}
