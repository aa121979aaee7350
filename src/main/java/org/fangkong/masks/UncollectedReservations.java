package org.fangkong.masks;

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

/**
 * Nightly: reservations nobody collected by the end of their pickup days give their masks back to
 * the point; reservations older than the retention ({@code fangkong.retention.reservations}, 90 days
 * from their round's last pickup day, the longest period an ID number may wait) are deleted, and the
 * pharmacies' fever medicine buyers after {@code fangkong.retention.medicine-buyers} (28 days).
 */
@Component
class UncollectedReservations {

    private static final Logger log = LoggerFactory.getLogger(UncollectedReservations.class);

    private final Reservations reservations;
    private final JdbcClient jdbc;
    private final RetentionSettings retention;
    private final Clock clock;

    UncollectedReservations(Reservations reservations, JdbcClient jdbc, RetentionSettings retention, Clock clock) {
        this.reservations = reservations;
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @ClusterScheduled(cron = "${fangkong.masks.release:0 15 0 * * *}")
    void release() {
        int released = reservations.releaseUncollected(ShanghaiTime.today(clock));
        log.info("{} uncollected mask reservations released", released);
        purge(ShanghaiTime.today(clock));
        purgeMedicineSales(clock.instant());
    }

    /** Deletes the medicine buyers (and their follow-ups) older than {@code fangkong.retention.medicine-buyers}. */
    int purgeMedicineSales(Instant now) {
        int deleted = jdbc.sql("delete from medicine_sale where sold_at < :before")
                .param("before", Timestamp.from(now.minus(retention.medicineBuyers()))).update();
        if (deleted > 0) {
            log.info("Deleted {} fever medicine buyers older than {}", deleted, retention.medicineBuyers());
        }
        return deleted;
    }

    /** Deletes the reservations of rounds whose last pickup day lies beyond the retention; answers how many. */
    int purge(LocalDate today) {
        jdbc.sql("""
                        delete from lottery_entry e using mask_round r
                        where r.id = e.round_id and r.pickup_to < :before
                        """).param("before", today.minusDays(retention.reservations().toDays())).update();
        int deleted = jdbc.sql("""
                        delete from reservation v using mask_round r
                        where r.id = v.round_id and r.pickup_to < :before
                        """).param("before", today.minusDays(retention.reservations().toDays())).update();
        if (deleted > 0) {
            log.info("Deleted {} mask reservations older than {}", deleted, retention.reservations());
        }
        return deleted;
    }
}
