package org.fangkong.democity;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.cases.Clusters;
import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.jurisdiction.JurisdictionService;
import org.fangkong.reporting.DemoReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's last 30 days of epidemic (演示疫情) so the dashboard has something to show: in
 * 泰安市, published cases in three counties (泰山区 medium risk, 岱岳区 back to low after 14 days,
 * 新泰市 over 50 cases with a recent cluster, high), cures, and every village's daily report.
 */
@Service
class DemoOutbreak {

    private static final Logger log = LoggerFactory.getLogger(DemoOutbreak.class);
    /** The demo's own actor: recorded as {@code demo} in the case history and audit. */
    static final Actor DEMO = new Actor(0, "demo", "演示数据", Role.ADMIN, "37", "37");

    private final PublishedCounts counts;
    private final Clusters clusters;
    private final DemoReports reports;
    private final JurisdictionService jurisdictions;
    private final Clock clock;

    DemoOutbreak(PublishedCounts counts, Clusters clusters, DemoReports reports, JurisdictionService jurisdictions,
                 Clock clock) {
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
        int written = reports.generate(jurisdictions.findUnscoped(city).orElseThrow().path(), today.minusDays(30),
                today.minusDays(1), 0.2020);
        log.info("Demo epidemic ready: cases in 3 counties of {}, {} daily reports", city, written);
    }
}
