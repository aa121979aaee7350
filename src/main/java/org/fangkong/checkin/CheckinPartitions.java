package org.fangkong.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.jobs.ClusterScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Day partitions of the check-in table: made ahead (today and the next two days, every hour) and
 * on demand for imports; vacuumed the night after their day; dropped whole once older than the
 * retention (docs/rules.md: 28 days).
 */
@Component
class CheckinPartitions implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CheckinPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'checkin_'yyyyMMdd");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CheckinSettings settings;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    CheckinPartitions(JdbcClient jdbc, Clock clock, CheckinSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        prepareAhead();
    }

    /** The table that holds {@code day}'s check-ins: writing to it directly spares the partition routing and pruning. */
    static String nameOf(LocalDate day) {
        return NAME.format(day);
    }

    void ensure(LocalDate day) {
        if (!known.contains(day)) {
            jdbc.sql("select checkin_ensure_partition(:d)").param("d", day).query(String.class).single();
            known.add(day);
        }
    }

    @ClusterScheduled(cron = "0 5 * * * *")
    void prepareAhead() {
        LocalDate today = ShanghaiTime.today(clock);
        for (int i = 0; i < 3; i++) {
            ensure(today.plusDays(i));
        }
    }

    /**
     * Vacuums yesterday's partition once it is complete: the visibility map then lets tracing read
     * a day's visits from the covering index alone (V6) instead of a heap page per visit.
     * Returns the partition vacuumed, if there was one.
     */
    @ClusterScheduled(cron = "0 20 0 * * *")
    Optional<String> vacuumYesterday() {
        LocalDate yesterday = ShanghaiTime.today(clock).minusDays(1);
        String name = nameOf(yesterday);
        if (jdbc.sql("select to_regclass(:n) is not null").param("n", name).query(Boolean.class).single()) {
            // VACUUM cannot run in a transaction: this runs on an auto-commit connection
            jdbc.sql("vacuum (analyze) " + name).update(); // the name is made here from a date
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** The first day that is kept: everything before it is dropped. */
    LocalDate oldestKept() {
        long days = Math.max(1, settings.retention().toDays());
        return ShanghaiTime.today(clock).minusDays(days - 1);
    }

    /** Drops every day partition older than the retention; returns the days dropped. */
    @ClusterScheduled(cron = "0 30 3 * * *")
    List<LocalDate> dropExpired() {
        LocalDate oldest = oldestKept();
        List<String> names = jdbc.sql("""
                        select c.relname from pg_inherits i
                        join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
                        where p.relname = 'checkin' order by c.relname
                        """).query(String.class).list();
        List<LocalDate> dropped = new ArrayList<>();
        for (String name : names) {
            LocalDate day = LocalDate.parse(name, NAME);
            if (day.isBefore(oldest)) {
                jdbc.sql("drop table if exists " + name).update(); // name comes from the catalogue, not from input
                known.remove(day);
                dropped.add(day);
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped {} check-in day partitions older than {}", dropped.size(), oldest);
        }
        return dropped;
    }
}
