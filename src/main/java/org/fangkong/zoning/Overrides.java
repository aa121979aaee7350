package org.fangkong.zoning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commanders' overrides of a county's level (docs/rules.md): from a day on, with a reason, audited; the
 * computed level stays visible beside it. An override without a level hands the county back to the
 * rule set.
 */
@Service
public class Overrides {

    /** One override as recorded: the change log commanders see beside the levels. */
    public record Entry(long id, String countyCode, String countyName, LocalDate fromDay, RiskLevel level, String reason,
                        String byUser, Instant at) {
    }

    /** The override in force for a county on a day. */
    public record Override(RiskLevel level, String reason) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** A county's override changed: the published level is recomputed. */
    record Overridden(String county) {
    }

    Overrides(JdbcClient jdbc, Jurisdictions jurisdictions, AuditTrail audit, Clock clock,
              ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets (or with a null level clears) a county's level from {@code from} (default today) on. */
    @Transactional
    public void override(String county, String level, LocalDate from, String reason, Actor actor) {
        if (!actor.is(Role.COMMANDER)) {
            throw new AccessDeniedException("commanders override risk levels");
        }
        Jurisdiction c = jurisdictions.find(county == null ? "" : county.strip(), actor.scopePath())
                .filter(j -> j.level() == Level.COUNTY)
                .orElseThrow(() -> new FieldException("county", "validation.zoning.county"));
        RiskLevel l = null;
        if (level != null && !level.isBlank()) {
            try {
                l = RiskLevel.valueOf(level.strip());
            } catch (IllegalArgumentException e) {
                throw new FieldException("level", "validation.zoning.level");
            }
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldException("reason", "validation.reason.required");
        }
        LocalDate day = from == null ? ShanghaiTime.today(clock) : from;
        jdbc.sql("insert into zoning_override (county_code, from_day, level, reason, by_user) values (:c, :d, :l, :r, :by)")
                .param("c", c.code()).param("d", day).param("l", l == null ? null : l.name()).param("r", reason.strip())
                .param("by", actor.username()).update();
        audit.record(AuditActions.ZONING_OVERRIDE, "county:" + c.code() + " " + day + " " + (l == null ? "computed" : l),
                reason.strip());
        events.publishEvent(new Overridden(c.code()));
    }

    /** The overrides in force on {@code day} for these counties (the latest from a day on or before it). */
    @Transactional(readOnly = true)
    public Map<String, Override> effective(Collection<String> counties, LocalDate day) {
        return effective(counties, day, day).getOrDefault(day, Map.of());
    }

    /** For each day from {@code from} to {@code to}, the overrides in force then; one query. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<String, Override>> effective(Collection<String> counties, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Override>> found = new HashMap<>();
        if (counties.isEmpty()) {
            return found;
        }
        record Row(String county, LocalDate from, String level, String reason) {
        }
        List<Row> rows = jdbc.sql("""
                        select county_code, from_day, level, reason from zoning_override
                        where county_code = any(cast(:c as text[])) and from_day <= :to
                        order by county_code, from_day, id
                        """).param("c", counties.toArray(String[]::new)).param("to", to)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                .list();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, Row> latest = new HashMap<>();
            for (Row r : rows) {
                if (!r.from().isAfter(d)) {
                    latest.put(r.county(), r); // rows come oldest first: the last one on or before the day wins
                }
            }
            Map<String, Override> day = new HashMap<>();
            latest.forEach((county, r) -> {
                if (r.level() != null) {
                    day.put(county, new Override(RiskLevel.valueOf(r.level()), r.reason()));
                }
            });
            found.put(d, day);
        }
        return found;
    }

    /** The latest overrides of the counties at or below a node (in scope), newest first. */
    @Transactional(readOnly = true)
    public List<Entry> recent(Jurisdiction node, int limit) {
        return jdbc.sql("""
                        select o.id, o.county_code, j.name, o.from_day, o.level, o.reason, o.by_user, o.at
                        from zoning_override o join jurisdiction j on j.code = o.county_code
                        where j.path <@ cast(:path as ltree) or cast(:path as ltree) <@ j.path
                        order by o.at desc, o.id desc limit :n
                        """).param("path", node.path()).param("n", limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : RiskLevel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
