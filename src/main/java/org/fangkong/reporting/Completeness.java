package org.fangkong.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.fangkong.common.ReportingUnitSource;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completeness (reported ÷ expected) and timeliness (reported by the deadline ÷ expected) for any
 * node and day, with each child's figures (one click down the tree) and the units still missing.
 */
@Service
public class Completeness {

    /** A node's or child's units for one day. */
    public record Units(String code, String name, String level, long expected, long reported, long onTime, long zero) {

        @JsonProperty
        public BigDecimal completeness() {
            return percent(reported, expected);
        }

        @JsonProperty
        public BigDecimal timeliness() {
            return percent(onTime, expected);
        }

        static BigDecimal percent(long part, long whole) {
            return whole == 0 ? BigDecimal.valueOf(100).setScale(1)
                    : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    /** A unit that has not reported, with its township. */
    public record Missing(String code, String name, String township) {
    }

    public record Overview(LocalDate day, Units node, List<Units> children, List<Missing> missing, List<OtherUnits> others) {
    }

    /**
     * Units of another kind (enterprises) for the same node and day: the node's figures, each child's
     * (by the child's code; children without such units are left out) and those missing.
     */
    public record OtherUnits(String labelKey, Units node, Map<String, Units> children, List<ReportingUnitSource.MissingUnit> missing) {
    }

    private static final RowMapper<Units> UNITS = (rs, n) -> new Units(rs.getString("code"), rs.getString("name"),
            rs.getString("level"), rs.getLong("expected"), rs.getLong("reported"), rs.getLong("on_time"), rs.getLong("zero"));
    private static final String COUNTS = """
            count(r.id) as reported, count(r.id) filter (where not r.late) as on_time, count(r.id) filter (where r.zero) as zero
            """;
    /** The reporting units a node stands for: itself if a village, else the villages below it. */
    private static final String EXPECTED = "case when n.level = 'VILLAGE' then 1 else n.sub_villages end";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final List<ReportingUnitSource> sources;
    private final Clock clock;

    Completeness(JdbcClient jdbc, Jurisdictions jurisdictions, List<ReportingUnitSource> sources, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.sources = sources;
        this.clock = clock;
    }

    /** The node (default the caller's scope) on {@code day} (default yesterday: today's reports cover it). */
    @Transactional(readOnly = true)
    public Overview overview(String code, LocalDate day, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate d = day == null ? ShanghaiTime.today(clock).minusDays(1) : day;
        // a unit's code begins with the codes of all its ancestors: each day's reports of a subtree are one
        // index range, the children's share one grouping by code prefix; expected units come from the tree's counts
        Units total = jdbc.sql("select cast(:code as text) as code, cast(:name as text) as name, cast(:level as text) as level, "
                        + EXPECTED + " as expected, " + COUNTS + """
                         from jurisdiction n
                        left join daily_report r on r.day = :d and r.current and r.unit_code >= :lo and r.unit_code < :hi
                        where n.code = :code
                        group by n.level, n.sub_villages
                        """)
                .param("code", node.code()).param("name", node.name()).param("level", node.level().name())
                .param("d", d).param("lo", node.code()).param("hi", DivisionCodes.after(node.code())).query(UNITS).single();
        List<Units> children = jdbc.sql("""
                        with r as (
                            select left(r.unit_code, (select min(length(code)) from jurisdiction where parent_code = :code)) as child,
                                   r.id, r.late, r.zero
                            from daily_report r where r.day = :d and r.current and r.unit_code >= :lo and r.unit_code < :hi
                        )
                        select n.code, n.name, n.level, """ + EXPECTED + " as expected, " + COUNTS + """
                         from jurisdiction n left join r on r.child = n.code
                        where n.parent_code = :code
                        group by n.code, n.name, n.level, n.sub_villages order by n.code
                        """).param("code", node.code()).param("d", d).param("lo", node.code())
                .param("hi", DivisionCodes.after(node.code())).query(UNITS).list();
        List<Missing> missing = jdbc.sql("""
                        select v.code, v.name, t.name as township
                        from jurisdiction v join jurisdiction t on t.code = v.parent_code
                        where v.level = 'VILLAGE' and v.path <@ cast(:path as ltree)
                          and not exists (select 1 from daily_report r where r.unit_code = v.code and r.day = :d and r.current)
                        order by v.code limit 200
                        """).param("path", node.path()).param("d", d)
                .query((rs, n) -> new Missing(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return new Overview(d, total, children, missing, others(node, children, d));
    }

    /**
     * The villages' reports of every county-level division at or below the node (default the caller's
     * scope), for the map: one index range of the day's reports, grouped by the county's six digits.
     */
    @Transactional(readOnly = true)
    public List<Units> byCounty(String code, LocalDate day, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return jdbc.sql("""
                        with r as (
                            select left(r.unit_code, 6) as county, r.id, r.late, r.zero
                            from daily_report r where r.day = :d and r.current and r.unit_code >= :lo and r.unit_code < :hi
                        )
                        select n.code, n.name, n.level, """ + EXPECTED + " as expected, " + COUNTS + """
                         from jurisdiction n left join r on r.county = n.code
                        where n.level = 'COUNTY' and n.code >= :lo and n.code < :hi
                        group by n.code, n.name, n.level, n.sub_villages order by n.code
                        """).param("d", day).param("lo", node.code()).param("hi", DivisionCodes.after(node.code()))
                .query(UNITS).list();
    }

    private List<OtherUnits> others(Jurisdiction node, List<Units> children, LocalDate d) {
        int childLength = children.stream().mapToInt(c -> c.code().length()).min().orElse(node.code().length());
        Map<String, String> names = children.stream().collect(Collectors.toMap(Units::code, Units::name));
        List<OtherUnits> others = new ArrayList<>();
        for (ReportingUnitSource source : sources) {
            Units nodeUnits = new Units(node.code(), node.name(), node.level().name(), 0, 0, 0, 0);
            Map<String, Units> byChild = new TreeMap<>(); // the children in code order, as the villages' tiles
            for (ReportingUnitSource.UnitTally t : source.tallies(node.code(), childLength, d)) {
                if (t.code() == null) {
                    nodeUnits = new Units(node.code(), node.name(), node.level().name(), t.expected(), t.reported(), t.onTime(), t.zero());
                } else if (names.containsKey(t.code())) {
                    byChild.put(t.code(), new Units(t.code(), names.get(t.code()), null, t.expected(), t.reported(), t.onTime(), t.zero()));
                }
            }
            if (nodeUnits.expected() > 0 || nodeUnits.reported() > 0) {
                others.add(new OtherUnits(source.labelKey(), nodeUnits, byChild, source.missing(node.code(), d, 200)));
            }
        }
        return others;
    }
}
