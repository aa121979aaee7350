package org.fangkong.enterprise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Crumb;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 开工率 and 复岗率 for any node, industry section and day: enterprises resumed (已复工 or 达产) over
 * the enterprises registered by then, all and 规模以上, and staff back over staff in all; the node
 * with each child, and the 30 days up to the day. A province or city reads the running sums per
 * county ({@code enterprise_rate_delta}); a county and below derive the same sums from their
 * enterprises' states, so both give one answer (tested).
 */
@Service
public class ResumptionRates {

    static final int TREND_DAYS = 30;

    /** A node's (or child's) figures on a day. */
    public record Rate(String code, String name, long enterprises, long resumed, long aboveEnterprises, long aboveResumed,
                       long fullOutput, long staffTotal, long staffBack) {

        /** 开工率 in percent, one decimal; null without enterprises. */
        public BigDecimal resumedPercent() {
            return percent(resumed, enterprises);
        }

        /** 开工率 of 规模以上 enterprises. */
        public BigDecimal aboveResumedPercent() {
            return percent(aboveResumed, aboveEnterprises);
        }

        /** 复岗率. */
        public BigDecimal staffPercent() {
            return percent(staffBack, staffTotal);
        }

        Rate named(String c, String n) {
            return new Rate(c, n, enterprises, resumed, aboveEnterprises, aboveResumed, fullOutput, staffTotal, staffBack);
        }
    }

    /** A day of the trend. */
    public record TrendDay(LocalDate day, BigDecimal resumedPercent, BigDecimal aboveResumedPercent, BigDecimal staffPercent) {
    }

    /** What a government published for the node on the day (the 2020 replay). */
    public record Published(boolean aboveScaleOnly, long resumed, BigDecimal resumedPercent, long staffBack,
                            BigDecimal staffPercent, String source) {
    }

    public record View(Jurisdiction node, LocalDate day, String section, Rate total, List<Rate> children, List<TrendDay> trend,
                       Optional<Published> published, List<Crumb> crumbs) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    ResumptionRates(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** The node (the caller's scope when none) on the day (today when none), all industries or one section. */
    @Transactional(readOnly = true)
    public View of(String code, LocalDate day, String section, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate d = day == null ? ShanghaiTime.today(clock) : day;
        String s = Industry.section(section, "section").map(Enum::name).orElse(null);
        int childLength = switch (node.level()) {
            case PROVINCE -> 4;
            case CITY -> 6;
            case COUNTY -> 9;
            default -> 12;
        };
        Map<String, Rate> byChild = new HashMap<>();
        Rate total = new Rate(node.code(), node.name(), 0, 0, 0, 0, 0, 0, 0);
        for (Rate r : sums(node, d, s, childLength)) {
            if (r.code() == null) {
                total = r.named(node.code(), node.name());
            } else {
                byChild.put(r.code(), r);
            }
        }
        List<Rate> children = node.level() == Level.VILLAGE ? List.of()
                : jurisdictions.children(node.code(), actor.scopePath()).stream()
                .map(c -> byChild.getOrDefault(c.code(), new Rate(c.code(), c.name(), 0, 0, 0, 0, 0, 0, 0)).named(c.code(), c.name()))
                .toList();
        return new View(node, d, s, total, children, trend(node, d, s), published(node.code(), d),
                jurisdictions.breadcrumbs(node.code(), actor.scopePath()));
    }

    /** The node's figures only (the dashboard's line). */
    @Transactional(readOnly = true)
    public Rate total(String code, LocalDate day, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return sums(node, day, null, node.code().length()).stream().filter(r -> r.code() == null).findFirst()
                .orElse(new Rate(null, null, 0, 0, 0, 0, 0, 0, 0)).named(node.code(), node.name());
    }

    @Transactional(readOnly = true)
    public Optional<Published> published(String code, LocalDate day) {
        return jdbc.sql("""
                        select above_scale_only, resumed, resumed_percent, staff_back, staff_percent, source
                        from enterprise_published_rate where jurisdiction_code = :code and day = :day
                        """).param("code", code).param("day", day)
                .query((rs, n) -> new Published(rs.getBoolean(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getString(6))).optional();
    }

    /** Keeps figures a government published for a node and day (the same node and day again: replaced). */
    @Transactional
    public void publish(String code, LocalDate day, Published figures) {
        jdbc.sql("""
                        insert into enterprise_published_rate (jurisdiction_code, day, above_scale_only, resumed, resumed_percent,
                                                               staff_back, staff_percent, source)
                        values (:code, :day, :above, :resumed, :rp, :back, :sp, :source)
                        on conflict (jurisdiction_code, day) do update
                            set above_scale_only = excluded.above_scale_only, resumed = excluded.resumed,
                                resumed_percent = excluded.resumed_percent, staff_back = excluded.staff_back,
                                staff_percent = excluded.staff_percent, source = excluded.source
                        """)
                .param("code", code).param("day", day).param("above", figures.aboveScaleOnly()).param("resumed", figures.resumed())
                .param("rp", figures.resumedPercent()).param("back", figures.staffBack()).param("sp", figures.staffPercent())
                .param("source", figures.source()).update();
    }

    /**
     * The change rows below a node: per place (a county for the running sums, a village or township
     * from the states), section, scale and day, what was added or taken off that day.
     */
    private String changes(Jurisdiction node) {
        if (node.level() == Level.PROVINCE || node.level() == Level.CITY) {
            return """
                    select county_code as place, section, above_scale, day, enterprises, resumed, full_output, staff_total, staff_back
                    from enterprise_rate_delta where left(county_code, length(:node)) = :node
                      and (cast(:section as text) is null or section = :section)
                    """;
        }
        // each state counts from its day until the enterprise's next state, which takes it off again
        return """
                select place_code as place, section, above_scale, day, 1 as enterprises,
                       case when state in ('RESUMED', 'FULL_PRODUCTION') then 1 else 0 end as resumed,
                       case when state = 'FULL_PRODUCTION' then 1 else 0 end as full_output, staff_total, staff_back
                from s
                union all
                select place_code, section, above_scale, next_day, -1,
                       case when state in ('RESUMED', 'FULL_PRODUCTION') then -1 else 0 end,
                       case when state = 'FULL_PRODUCTION' then -1 else 0 end, -staff_total, -staff_back
                from s where next_day is not null
                """;
    }

    private String with(Jurisdiction node) {
        if (node.level() == Level.PROVINCE || node.level() == Level.CITY) {
            return "";
        }
        // every enterprise that was ever in the county, all its states (one that moved counts where it
        // was), read by one index probe per enterprise
        return """
                with ids as materialized (
                    select distinct enterprise_id from enterprise_status where left(place_code, 6) = :county
                ), s as (
                    select st.*, lead(st.day) over (partition by st.enterprise_id order by st.day) as next_day
                    from ids cross join lateral (select * from enterprise_status x where x.enterprise_id = ids.enterprise_id) st
                ),
                """;
    }

    List<Rate> sums(Jurisdiction node, LocalDate day, String section, int childLength) {
        String with = with(node);
        String sql = (with.isEmpty() ? "with " : with) + "c as (" + changes(node) + """
                ), x as (
                    select case when length(place) > length(:node) then left(place, :child) end as child, above_scale,
                           enterprises, resumed, full_output, staff_total, staff_back
                    from c where day <= :day and left(place, length(:node)) = :node
                      and (cast(:section as text) is null or section = :section)
                )
                select case when grouping(child) = 1 then null else child end as code,
                       sum(enterprises) as e, sum(resumed) as r,
                       coalesce(sum(enterprises) filter (where above_scale), 0) as ae,
                       coalesce(sum(resumed) filter (where above_scale), 0) as ar,
                       sum(full_output) as f, sum(staff_total) as t, sum(staff_back) as b
                from x group by grouping sets ((child), ())
                having grouping(child) = 1 or child is not null
                """;
        return jdbc.sql(sql).param("node", node.code()).param("county", node.code().substring(0, Math.min(6, node.code().length())))
                .param("day", day).param("section", section).param("child", childLength)
                .query((rs, n) -> new Rate(rs.getString("code"), null, rs.getLong("e"), rs.getLong("r"), rs.getLong("ae"),
                        rs.getLong("ar"), rs.getLong("f"), rs.getLong("t"), rs.getLong("b")))
                .list();
    }

    /** The node's rates on each of the {@value #TREND_DAYS} days up to {@code day}: the change rows summed per day, then run up. */
    private List<TrendDay> trend(Jurisdiction node, LocalDate day, String section) {
        LocalDate first = day.minusDays(TREND_DAYS - 1);
        String with = with(node);
        String sql = (with.isEmpty() ? "with " : with) + "c as (" + changes(node) + """
                )
                select greatest(day, :first) as d, sum(enterprises) as e, sum(resumed) as r,
                       coalesce(sum(enterprises) filter (where above_scale), 0) as ae,
                       coalesce(sum(resumed) filter (where above_scale), 0) as ar,
                       sum(staff_total) as t, sum(staff_back) as b
                from c where day <= :day and left(place, length(:node)) = :node
                  and (cast(:section as text) is null or section = :section)
                group by 1 order by 1
                """;
        Map<LocalDate, long[]> perDay = new HashMap<>();
        jdbc.sql(sql).param("node", node.code()).param("county", node.code().substring(0, Math.min(6, node.code().length())))
                .param("day", day).param("first", first).param("section", section)
                .query((rs, n) -> perDay.put(rs.getObject("d", LocalDate.class), new long[] {rs.getLong("e"), rs.getLong("r"),
                        rs.getLong("ae"), rs.getLong("ar"), rs.getLong("t"), rs.getLong("b")})).list();
        List<TrendDay> trend = new ArrayList<>(TREND_DAYS);
        long[] run = new long[6];
        for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
            long[] add = perDay.get(d);
            if (add != null) {
                for (int i = 0; i < run.length; i++) {
                    run[i] += add[i];
                }
            }
            trend.add(new TrendDay(d, percent(run[1], run[0]), percent(run[3], run[2]), percent(run[5], run[4])));
        }
        return trend;
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 1000 / whole + (part * 1000 % whole * 2 >= whole ? 1 : 0), 1);
    }
}
