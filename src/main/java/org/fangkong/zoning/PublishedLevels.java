package org.fangkong.zoning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.fangkong.cases.CaseRecorded;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.jobs.ClusterScheduled;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The levels as published (分区分级结果): today's level of every county stored nightly, and again a
 * few seconds after a case of the county or an override changes (changes are gathered, so a replay
 * of a thousand counts recomputes once). Every change of a stored level is kept: when a county went
 * up or down.
 */
@Service
public class PublishedLevels {

    /** A published change of a county's level ({@code from} null the first time it was published). */
    public record Change(long id, String countyCode, String countyName, LocalDate day, RiskLevel from, RiskLevel to, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(PublishedLevels.class);

    private final Zoning zoning;
    private final Jurisdictions jurisdictions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Timer publication;
    private final Timer nightlyPublication;
    private final ApplicationEventPublisher events;

    PublishedLevels(Zoning zoning, Jurisdictions jurisdictions, JdbcClient jdbc, Clock clock,
                    PlatformTransactionManager transactions, MeterRegistry meters, ApplicationEventPublisher events) {
        this.events = events;
        this.publication = Timer.builder("fangkong.zoning.publication").description("publishing recomputed risk levels")
                .tag("run", "changes").register(meters);
        this.nightlyPublication = Timer.builder("fangkong.zoning.publication").description("publishing recomputed risk levels")
                .tag("run", "nightly").register(meters);
        // the scheduled runs call publish on this very object, past any proxy: the transaction is explicit
        this.tx = new TransactionTemplate(transactions);
        this.zoning = zoning;
        this.jurisdictions = jurisdictions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void caseChanged(CaseRecorded e) {
        // a case at a village or township counts for its county; one at a city or the province for all below
        mark(DivisionCodes.countyOf(e.jurisdictionCode()));
    }

    @EventListener
    void overridden(Overrides.Overridden e) {
        mark(e.county());
    }

    /** Marks a county for the next publication; in the database, so any instance publishes it. */
    private void mark(String county) {
        jdbc.sql("insert into zoning_pending (county_code) values (:c) on conflict do nothing").param("c", county).update();
    }

    /**
     * Publishes what changed since the last time (every few seconds, {@code fangkong.zoning.publish-delay}),
     * on one instance of the cluster; the marks go in the same transaction as the levels they caused.
     */
    @ClusterScheduled(fixedDelay = "${fangkong.zoning.publish-delay:PT10S}")
    void publishChanged() {
        long started = System.nanoTime();
        Integer published = tx.execute(status -> {
            List<String> nodes = jdbc.sql("delete from zoning_pending returning county_code").query(String.class).list();
            LocalDate today = ShanghaiTime.today(clock);
            if (nodes.size() > 20) {
                store(jurisdictions.root().code(), today);
            } else {
                nodes.forEach(n -> store(n, today));
            }
            return nodes.size();
        });
        if (published != null && published > 0) {
            publication.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** On start, today's levels if the night's run was missed (the platform was down at midnight). */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        LocalDate today = ShanghaiTime.today(clock);
        Integer stored = jdbc.sql("select count(*) from zoning_level where day = :d").param("d", today).query(Integer.class).single();
        if (stored == 0) {
            publish(jurisdictions.root().code(), today);
        }
    }

    /** Shortly after midnight every county's level for the new day. */
    @ClusterScheduled(cron = "${fangkong.zoning.nightly:0 5 0 * * *}")
    void nightly() {
        long started = System.nanoTime();
        int changed = publish(jurisdictions.root().code(), ShanghaiTime.today(clock));
        nightlyPublication.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        log.info("Risk levels published for the day; {} changed", changed);
    }

    /** Computes and stores the levels of the counties at or below a node for a day; answers how many changed. */
    public int publish(String node, LocalDate day) {
        return tx.execute(status -> store(node, day));
    }

    private int store(String node, LocalDate day) {
        Jurisdiction root = jurisdictions.root();
        Actor system = new Actor(0, "zoning", "分区分级", Role.ADMIN, root.code(), root.path());
        List<Zoning.CountyLevel> levels = zoning.levels(node, day, null, system);
        if (levels.isEmpty()) {
            return 0;
        }
        Map<String, RiskLevel> before = new HashMap<>();
        jdbc.sql("select county_code, level from zoning_level where day = :d and county_code = any(cast(:c as text[])) for update")
                .param("d", day).param("c", levels.stream().map(Zoning.CountyLevel::code).toArray(String[]::new))
                .query((rs, n) -> before.put(rs.getString(1), RiskLevel.valueOf(rs.getString(2)))).list();
        // a county published for the first time at low risk has not changed: low is where every county starts
        List<Zoning.CountyLevel> changed = levels.stream().filter(l -> before.get(l.code()) != l.level()
                && !(before.get(l.code()) == null && l.level() == RiskLevel.LOW)).toList();
        jdbc.sql("""
                        insert into zoning_level (county_code, day, level, computed, rules, cumulative_confirmed,
                                                  confirmed_within_14, clusters_within_14, computed_at)
                        select c, :d, l, k, :r, cum, w, cl, now()
                        from unnest(cast(:c as text[]), cast(:l as text[]), cast(:k as text[]), cast(:cum as int[]),
                                    cast(:w as int[]), cast(:cl as int[])) as t(c, l, k, cum, w, cl)
                        on conflict (county_code, day) do update set level = excluded.level, computed = excluded.computed,
                            rules = excluded.rules, cumulative_confirmed = excluded.cumulative_confirmed,
                            confirmed_within_14 = excluded.confirmed_within_14, clusters_within_14 = excluded.clusters_within_14,
                            computed_at = excluded.computed_at
                        """)
                .param("d", day).param("r", levels.get(0).rules())
                .param("c", levels.stream().map(Zoning.CountyLevel::code).toArray(String[]::new))
                .param("l", levels.stream().map(l -> l.level().name()).toArray(String[]::new))
                .param("k", levels.stream().map(l -> l.computed().name()).toArray(String[]::new))
                .param("cum", levels.stream().map(l -> (int) l.facts().cumulativeConfirmed()).toArray(Integer[]::new))
                .param("w", levels.stream().map(l -> (int) l.facts().confirmedWithin14()).toArray(Integer[]::new))
                .param("cl", levels.stream().map(l -> (int) l.facts().clustersWithin14()).toArray(Integer[]::new))
                .update();
        if (!changed.isEmpty()) {
            jdbc.sql("""
                            insert into zoning_level_change (county_code, day, from_level, to_level)
                            select c, :d, f, t from unnest(cast(:c as text[]), cast(:f as text[]), cast(:t as text[])) as x(c, f, t)
                            """)
                    .param("d", day).param("c", changed.stream().map(Zoning.CountyLevel::code).toArray(String[]::new))
                    .param("f", changed.stream().map(l -> before.get(l.code()) == null ? null : before.get(l.code()).name())
                            .toArray(String[]::new))
                    .param("t", changed.stream().map(l -> l.level().name()).toArray(String[]::new))
                    .update();
            changed.forEach(l -> events.publishEvent(new RiskLevelChanged(l.code(), day, before.get(l.code()), l.level())));
        }
        return changed.size();
    }

    /** The latest changes of the counties at or below a node (in scope), newest first. */
    @Transactional(readOnly = true)
    public List<Change> changes(Jurisdiction node, int limit) {
        return jdbc.sql("""
                        select c.id, c.county_code, j.name, c.day, c.from_level, c.to_level, c.at
                        from zoning_level_change c join jurisdiction j on j.code = c.county_code
                        where j.path <@ cast(:path as ltree) or cast(:path as ltree) <@ j.path
                        order by c.at desc, c.id desc limit :n
                        """).param("path", node.path()).param("n", limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : RiskLevel.valueOf(rs.getString(5)), RiskLevel.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Changes published since a moment, in scope: for the home page. */
    @Transactional(readOnly = true)
    public long changedSince(String scopePath, Instant since) {
        return jdbc.sql("""
                        select count(*) from zoning_level_change c join jurisdiction j on j.code = c.county_code
                        where c.at >= :since and c.from_level is not null
                          and (j.path <@ cast(:scope as ltree) or cast(:scope as ltree) <@ j.path)
                        """).param("since", java.sql.Timestamp.from(since)).param("scope", scopePath).query(Long.class).single();
    }

    /** The published level of a county on each stored day from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public Map<LocalDate, RiskLevel> of(String county, LocalDate from, LocalDate to) {
        Map<LocalDate, RiskLevel> found = new HashMap<>();
        jdbc.sql("select day, level from zoning_level where county_code = :c and day between :f and :t")
                .param("c", county).param("f", from).param("t", to)
                .query((rs, n) -> found.put(rs.getObject(1, LocalDate.class), RiskLevel.valueOf(rs.getString(2)))).list();
        return found;
    }
}
