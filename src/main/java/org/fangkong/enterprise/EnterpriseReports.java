package org.fangkong.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ReportingUnitSource;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业日报: an enterprise that resumed work is a reporting unit of the daily report system. Each day
 * it reports staff on site, new fevers among its staff and staff in isolation or observation,
 * prefilled from its roster and daily checks; 无异常 (the zero report) is one tap. Due by the villages'
 * deadline the next day, later ones marked late; a correction is a new version. Its completeness
 * counts into every node above it (expected: the enterprises resumed by that day).
 */
@Service
public class EnterpriseReports implements ReportingUnitSource {

    /** What the enterprise reports for a day. */
    public record Counts(int staffOnSite, int newFever, int inIsolation) {
    }

    /** One version of an enterprise's report. */
    public record Report(long id, long enterpriseId, LocalDate day, int version, boolean current, boolean zero, Counts counts,
                         String note, boolean late, String submittedBy, Instant submittedAt) {
    }

    private static final RowMapper<Report> MAPPER = (rs, n) -> new Report(rs.getLong("id"), rs.getLong("enterprise_id"),
            rs.getObject("day", LocalDate.class), rs.getInt("version"), rs.getBoolean("current"), rs.getBoolean("zero"),
            new Counts(rs.getInt("staff_on_site"), rs.getInt("new_fever"), rs.getInt("in_isolation")), rs.getString("note"),
            rs.getBoolean("late"), rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final ResumptionRates rates;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final LocalTime deadline;

    EnterpriseReports(JdbcClient jdbc, Enterprises enterprises, ResumptionRates rates, Jurisdictions jurisdictions, Clock clock,
                      @Value("${fangkong.reporting.deadline:10:00}") LocalTime deadline) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.rates = rates;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.deadline = deadline;
    }

    public LocalDate yesterday() {
        return ShanghaiTime.today(clock).minusDays(1);
    }

    /** What Fangkong knows of the day: staff back (the last state), fevers at the daily checks, staff still in observation. */
    @Transactional(readOnly = true)
    public Counts prefill(long enterpriseId, LocalDate day, Actor actor) {
        enterprises.find(enterpriseId, actor);
        LocalDate d = day == null ? yesterday() : day;
        return jdbc.sql("""
                        select coalesce((select staff_back from enterprise_status where enterprise_id = :e and day <= :d
                                         order by day desc limit 1), 0) as on_site,
                               (select count(*) from enterprise_health_check c join enterprise_staff s on s.id = c.staff_id
                                where s.enterprise_id = :e and c.day = :d and c.temperature >= 37.3) as fever,
                               (select count(*) from enterprise_staff s where s.enterprise_id = :e and s.from_outside
                                  and (s.left_on is null or s.left_on > :d) and s.returned_on <= :d and s.may_work_from > :d) as isolated
                        """).param("e", enterpriseId).param("d", d)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    /** Submits (or corrects) the day's report; {@code zero} is 无异常 with the staff on site as given. */
    @Transactional
    public Report submit(long enterpriseId, LocalDate day, boolean zero, Counts counts, String note, Actor actor) {
        Enterprise e = enterprises.find(enterpriseId, actor);
        StaffRoster.requireEnterpriseOrOfficer(actor);
        LocalDate d = day == null ? yesterday() : day;
        if (d.isAfter(ShanghaiTime.today(clock)) || d.isBefore(ShanghaiTime.today(clock).minusDays(30))) {
            throw new FieldException("day", "validation.report.day");
        }
        if (!resumedOn(enterpriseId, d)) {
            throw new FieldException("day", "validation.enterpriseReport.notResumed");
        }
        if (counts == null && zero) { // the one tap: staff on site as Fangkong knows it
            counts = prefill(enterpriseId, d, actor);
        }
        if (counts == null || counts.staffOnSite() < 0 || counts.staffOnSite() > e.staffTotal()) {
            throw new FieldException("staffOnSite", "validation.enterpriseReport.staffOnSite", e.staffTotal());
        }
        Counts c = zero ? new Counts(counts.staffOnSite(), 0, 0) : counts;
        if (c.newFever() < 0 || c.inIsolation() < 0 || c.newFever() > e.staffTotal() || c.inIsolation() > e.staffTotal()) {
            throw new FieldException("counts", "validation.report.counts");
        }
        String text = Enterprises.text(note, 500);
        Instant now = clock.instant();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from enterprise_report where enterprise_id = :e and day = :d")
                .param("e", enterpriseId).param("d", d).query(Integer.class).single();
        jdbc.sql("update enterprise_report set current = false where enterprise_id = :e and day = :d and current")
                .param("e", enterpriseId).param("d", d).update();
        long id = jdbc.sql("""
                        insert into enterprise_report (enterprise_id, place_code, day, version, zero, staff_on_site, new_fever,
                                                       in_isolation, note, late, submitted_by, submitted_at)
                        values (:e, :p, :d, :v, :zero, :s, :f, :i, :note, :late, :by, :at) returning id
                        """)
                .param("e", enterpriseId).param("p", e.jurisdictionCode()).param("d", d).param("v", version).param("zero", zero)
                .param("s", c.staffOnSite()).param("f", c.newFever()).param("i", c.inIsolation()).param("note", text)
                .param("late", now.isAfter(d.plusDays(1).atTime(deadline).atZone(ShanghaiTime.ZONE).toInstant()))
                .param("by", actor.username()).param("at", OffsetDateTime.ofInstant(now, ShanghaiTime.ZONE))
                .query(Long.class).single();
        return jdbc.sql("select * from enterprise_report where id = :id").param("id", id).query(MAPPER).single();
    }

    /** Whether the enterprise was 已复工 or 达产 on the day (and so reports it). The caller has found the enterprise. */
    @Transactional(readOnly = true)
    public boolean resumedOn(long enterpriseId, LocalDate day) {
        return jdbc.sql("""
                        select coalesce((select state in ('RESUMED', 'FULL_PRODUCTION') from enterprise_status
                                         where enterprise_id = :e and day <= :d order by day desc limit 1), false)
                        """).param("e", enterpriseId).param("d", day).query(Boolean.class).single();
    }

    /** Every version of the day's report, first to last. */
    @Transactional(readOnly = true)
    public List<Report> versions(long enterpriseId, LocalDate day, Actor actor) {
        enterprises.find(enterpriseId, actor);
        return jdbc.sql("select * from enterprise_report where enterprise_id = :e and day = :d order by version")
                .param("e", enterpriseId).param("d", day == null ? yesterday() : day).query(MAPPER).list();
    }

    @Override
    public String labelKey() {
        return "report.units.enterprises";
    }

    /** Expected: the enterprises resumed by the day (the rates' sums); reported: one index range of the day's reports. */
    @Override
    @Transactional(readOnly = true)
    public List<UnitTally> tallies(String nodeCode, int childLength, LocalDate day) {
        Map<String, UnitTally> byCode = new HashMap<>();
        jurisdictions.findUnscoped(nodeCode).ifPresent(node -> rates.sums(node, day, null, childLength)
                .forEach(r -> byCode.put(r.code() == null ? "" : r.code(), new UnitTally(r.code(), r.resumed(), 0, 0, 0))));
        jdbc.sql("""
                        select case when grouping(child) = 1 then null else child end as code, count(*) as reported,
                               count(*) filter (where not late) as on_time, count(*) filter (where zero) as zero
                        from (select case when length(place_code) > length(:node) then left(place_code, :child) end as child, late, zero
                              from enterprise_report where day = :d and current and place_code >= :lo and place_code < :hi) r
                        group by grouping sets ((child), ()) having grouping(child) = 1 or child is not null
                        """).param("node", nodeCode).param("child", childLength).param("d", day).param("lo", nodeCode)
                .param("hi", DivisionCodes.after(nodeCode))
                .query((rs, n) -> new UnitTally(rs.getString(1), 0, rs.getLong(2), rs.getLong(3), rs.getLong(4))).list()
                .forEach(t -> byCode.merge(t.code() == null ? "" : t.code(), t, (a, b) ->
                        new UnitTally(a.code(), a.expected(), b.reported(), b.onTime(), b.zero())));
        return List.copyOf(byCode.values());
    }

    /**
     * The resumed enterprises of the node without a report for the day, in the order of their places;
     * from the county down (a province's list would probe every enterprise; its tiles lead down).
     */
    @Override
    @Transactional(readOnly = true)
    public List<MissingUnit> missing(String nodeCode, LocalDate day, int limit) {
        if (nodeCode.length() < 6) {
            return List.of();
        }
        return jdbc.sql("""
                        select e.id, e.name, e.jurisdiction_code, j.name as place
                        from enterprise e
                        cross join lateral (select state from enterprise_status x where x.enterprise_id = e.id and x.day <= :d
                                            order by x.day desc limit 1) st
                        join jurisdiction j on j.code = e.jurisdiction_code
                        where e.jurisdiction_code >= :lo and e.jurisdiction_code < :hi
                          and st.state in ('RESUMED', 'FULL_PRODUCTION')
                          and not exists (select 1 from enterprise_report r where r.enterprise_id = e.id and r.day = :d and r.current)
                        order by e.jurisdiction_code limit :limit
                        """).param("d", day).param("lo", nodeCode).param("hi", DivisionCodes.after(nodeCode)).param("limit", limit)
                .query((rs, n) -> new MissingUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        "/enterprises/" + rs.getLong(1)))
                .list();
    }
}
