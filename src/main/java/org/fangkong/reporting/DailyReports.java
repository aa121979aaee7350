package org.fangkong.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.UnitDayFacts;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.reporting.DailyReport.Counts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily reports of the reporting units (villages and communities for now): prefilled from what
 * Fangkong knows (cases, observation), confirmed by a person; a zero report is one tap and stays an
 * explicit zero report. The report for day D is due at the deadline on D+1 (default 10:00); later
 * ones are accepted and marked late. A correction is a new version; earlier ones are kept.
 */
@Service
public class DailyReports {

    private static final RowMapper<DailyReport> MAPPER = (rs, n) -> new DailyReport(rs.getLong("id"), rs.getString("unit_code"),
            rs.getObject("day", LocalDate.class), rs.getInt("version"), rs.getBoolean("current"), rs.getBoolean("zero"),
            new Counts(rs.getInt("new_fever"), rs.getInt("new_suspected"), rs.getInt("new_confirmed"),
                    rs.getInt("new_close_contacts"), rs.getInt("home_observation"), rs.getInt("central_observation"),
                    rs.getInt("released"), rs.getInt("key_area_arrivals"), rs.getInt("fever_medicine_buyers")),
            rs.getBoolean("late"), rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final LocalTime deadline;

    private final List<UnitDayFacts> facts;
    private final ReportTally tally;

    DailyReports(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock,
                 @Value("${fangkong.reporting.deadline:10:00}") LocalTime deadline,
                 List<UnitDayFacts> facts, ReportTally tally) {
        this.facts = facts;
        this.tally = tally;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** When the report for {@code day} is due: the deadline on the next day, Asia/Shanghai. */
    public Instant dueAt(LocalDate day) {
        return day.plusDays(1).atTime(deadline).atZone(ShanghaiTime.ZONE).toInstant();
    }

    Jurisdiction unit(String code, Actor actor) {
        return jurisdictions.find(code == null ? "" : code.strip(), actor.scopePath())
                .filter(j -> j.level() == Level.VILLAGE)
                .orElseThrow(() -> new FieldException("unit", "validation.report.unit"));
    }

    /**
     * What Fangkong already knows of the unit's day: new fevers (observation escalations and fevers at
     * its checkpoints), new suspected and confirmed cases, close contacts put under observation, people
     * under home observation, released, arrivals from key areas.
     */
    @Transactional(readOnly = true)
    public Counts prefill(String unitCode, LocalDate day, Actor actor) {
        Jurisdiction unit = unit(unitCode, actor);
        LocalDate d = day == null ? yesterday() : day;
        Map<String, Integer> known = new HashMap<>();
        for (UnitDayFacts source : facts) {
            source.of(unit.code(), unit.path(), d).forEach((k, v) -> known.merge(k, v, Integer::sum));
        }
        return new Counts(known.getOrDefault("newFever", 0), known.getOrDefault("newSuspected", 0),
                known.getOrDefault("newConfirmed", 0), known.getOrDefault("newCloseContacts", 0),
                known.getOrDefault("underObservation", 0), 0, known.getOrDefault("released", 0),
                known.getOrDefault("keyAreaArrivals", 0), known.getOrDefault("feverMedicineBuyers", 0));
    }

    public LocalDate yesterday() {
        return ShanghaiTime.today(clock).minusDays(1);
    }

    /** Submits (or corrects) the unit's report for a day; {@code zero} is the one-tap zero report. */
    @Transactional
    public DailyReport submit(String unitCode, LocalDate day, boolean zero, Counts counts, Actor actor) {
        return submitAt(unitCode, day, zero, counts, clock.instant(), actor);
    }

    /**
     * As {@link #submit} for a report made at {@code at} (on a phone without signal, sent later): late
     * or on time by that moment. A newer report of the same day by someone else wins: a conflict.
     */
    @Transactional
    public DailyReport submitAt(String unitCode, LocalDate day, boolean zero, Counts counts, Instant at, Actor actor) {
        if (!actor.is(Role.GRID_WORKER) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("grid workers and officers report");
        }
        Jurisdiction unit = unit(unitCode, actor);
        LocalDate d = day == null ? yesterday() : day;
        if (d.isAfter(ShanghaiTime.today(clock))) {
            throw new FieldException("day", "validation.report.day");
        }
        Counts c = zero ? Counts.ZERO : counts;
        if (c == null || c.newFever() < 0 || c.newSuspected() < 0 || c.newConfirmed() < 0 || c.newCloseContacts() < 0
                || c.homeObservation() < 0 || c.centralObservation() < 0 || c.released() < 0 || c.keyAreaArrivals() < 0
                || c.feverMedicineBuyers() < 0) {
            throw new FieldException("counts", "validation.report.counts");
        }
        Instant now = at;
        jdbc.sql("""
                        select submitted_by from daily_report
                        where unit_code = :u and day = :d and current and submitted_at > :at and submitted_by <> :me
                        """).param("u", unit.code()).param("d", d).param("at", OffsetDateTime.ofInstant(at, ShanghaiTime.ZONE))
                .param("me", actor.username()).query(String.class).optional().ifPresent(by -> {
                    throw new ConflictException("day", "offline.conflict.reportNewer", by);
                });
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from daily_report where unit_code = :u and day = :d")
                .param("u", unit.code()).param("d", d).query(Integer.class).single();
        jdbc.sql("update daily_report set current = false where unit_code = :u and day = :d and current")
                .param("u", unit.code()).param("d", d).update();
        long id = jdbc.sql("""
                        insert into daily_report (unit_code, day, version, zero, new_fever, new_suspected, new_confirmed,
                                                  new_close_contacts, home_observation, central_observation, released,
                                                  key_area_arrivals, fever_medicine_buyers, late, submitted_by, submitted_at)
                        values (:u, :d, :v, :zero, :f, :s, :c, :cc, :h, :co, :r, :k, :m, :late, :by, :at) returning id
                        """)
                .param("u", unit.code()).param("d", d).param("v", version).param("zero", zero)
                .param("f", c.newFever()).param("s", c.newSuspected()).param("c", c.newConfirmed())
                .param("cc", c.newCloseContacts()).param("h", c.homeObservation()).param("co", c.centralObservation())
                .param("r", c.released()).param("k", c.keyAreaArrivals()).param("m", c.feverMedicineBuyers()).param("late", now.isAfter(dueAt(d)))
                .param("by", actor.username()).param("at", OffsetDateTime.ofInstant(now, ShanghaiTime.ZONE))
                .query(Long.class).single();
        tally.recount(unit.code(), d);
        return jdbc.sql("select * from daily_report where id = :id").param("id", id).query(MAPPER).single();
    }

    /** Every version of the unit's report for a day, first to last. */
    @Transactional(readOnly = true)
    public List<DailyReport> versions(String unitCode, LocalDate day, Actor actor) {
        Jurisdiction unit = unit(unitCode, actor);
        return jdbc.sql("select * from daily_report where unit_code = :u and day = :d order by version")
                .param("u", unit.code()).param("d", day).query(MAPPER).list();
    }
}
