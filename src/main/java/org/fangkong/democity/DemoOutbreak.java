package org.fangkong.democity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.cases.Clusters;
import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.observation.Readings;
import org.fangkong.reporting.DemoReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's last 30 days of epidemic (演示疫情) so the dashboard has something to show: in
 * 泰安市, published cases in three counties (泰山区 medium risk, 岱岳区 back to low after 14 days,
 * 新泰市 over 50 cases with a recent cluster, high), cures, 24 close contacts under home observation
 * (two with a fever yesterday), and every village's daily report.
 */
@Service
class DemoOutbreak {

    private static final Logger log = LoggerFactory.getLogger(DemoOutbreak.class);
    /** The demo's own actor: recorded as {@code demo} in the case history and audit. */
    static final Actor DEMO = new Actor(0, "demo", "演示数据", Role.ADMIN, "37", "37");

    private final PublishedCounts counts;
    private final Clusters clusters;
    private final DemoReports reports;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final ObservationOrders observation;
    private final Readings readings;

    DemoOutbreak(PublishedCounts counts, Clusters clusters, DemoReports reports, Jurisdictions jurisdictions,
                 Clock clock, ObservationOrders observation, Readings readings) {
        this.observation = observation;
        this.readings = readings;
        this.counts = counts;
        this.clusters = clusters;
        this.reports = reports;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional
    void generate(String city) {
        LocalDate today = ShanghaiTime.today(clock);
        // 泰山区: a few cases spread over the month
        for (int ago : new int[] {25, 21, 17, 12, 9, 6, 3}) {
            counts.apply("370902", today.minusDays(ago), "CONFIRMED", 1 + ago % 2, DEMO);
        }
        counts.apply("370902", today.minusDays(4), "CURED", 3, DEMO);
        // 岱岳区: three cases three weeks ago, none since
        counts.apply("370911", today.minusDays(22), "CONFIRMED", 2, DEMO);
        counts.apply("370911", today.minusDays(18), "CONFIRMED", 1, DEMO);
        counts.apply("370911", today.minusDays(6), "CURED", 3, DEMO);
        // 新泰市: an early wave of 52, then a family cluster within the last 14 days
        for (int ago = 29; ago >= 20; ago--) {
            counts.apply("370982", today.minusDays(ago), "CONFIRMED", ago % 3 + 4, DEMO);
        }
        counts.apply("370982", today.minusDays(7), "CONFIRMED", 2, DEMO);
        counts.apply("370982", today.minusDays(5), "CONFIRMED", 1, DEMO);
        counts.apply("370982", today.minusDays(2), "CURED", 20, DEMO);
        clusters.record("FAMILY", "演示：新泰市家庭聚集", "370982",
                counts.confirmedBetween("370982", today.minusDays(7), today.minusDays(5), DEMO), DEMO);
        int observed = observe(today);
        int written = reports.generate(jurisdictions.findUnscoped(city).orElseThrow().path(), today.minusDays(30),
                today.minusDays(1), 0.2020);
        log.info("Demo epidemic ready: cases in 3 counties of {}, {} people under home observation, {} daily reports", city,
                observed, written);
    }

    /** Close contacts of the demo cases under home observation in 泰山区, yesterday's readings; two with a fever. */
    private int observe(LocalDate today) {
        String[] surnames = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙"};
        List<String> villages = jurisdictions.codesAt(Level.VILLAGE, jurisdictions.findUnscoped("370902").orElseThrow().path());
        int n = 24;
        for (int i = 0; i < n; i++) {
            String first17 = "370902" + "1980" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", 500 + i);
            LocalDate anchor = today.minusDays(2 + i % 10);
            ObservationOrders.Opened o = observation.open(new ObservationOrders.OrderForm("演示" + surnames[i % surnames.length]
                    + "某" + (i + 1), first17 + IdCardNumber.checkCharacter(first17), null, "CLOSE_CONTACT", "演示病例的密切接触者",
                    anchor, villages.get(i * 7 % villages.size()), null, "演示地址 " + (i + 1) + " 号", "演示网格员", "演示村医"), DEMO);
            BigDecimal t = i % 12 == 5 ? new BigDecimal("37.8") : new BigDecimal("36.5");
            readings.record(o.order().id(), new Readings.ReadingForm(today.minusDays(1), "MORNING", t, List.of()), DEMO);
        }
        return n;
    }
}
