package org.fangkong.zoning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Recomputed when cases change and nightly": a case in 东港区 (日照市) is published as medium within
 * seconds, an override as high; every change is kept; the nightly run stores every county's level.
 */
@FangkongTest
class PublishedLevelsTest {

    static final String COUNTY = "371102";
    static final Actor OFFICER = new Actor(0, "published-test", "测试", Role.OFFICER, "37", "37");
    static final Actor COMMANDER = new Actor(0, "published-commander", "测试", Role.COMMANDER, "37", "37");

    @Autowired
    PublishedCounts counts;
    @Autowired
    PublishedLevels published;
    @Autowired
    Overrides overrides;
    @Autowired
    Jurisdictions jurisdictions;

    @Test
    void aCaseAndAnOverrideArePublishedWithinSecondsAndEveryChangeIsKept() throws Exception {
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        counts.apply(COUNTY, today.minusDays(3), "CONFIRMED", 1, OFFICER);
        assertThat(await(RiskLevel.MEDIUM, today)).isEqualTo(RiskLevel.MEDIUM);

        overrides.override(COUNTY, "HIGH", today, "港口发现聚集，提级管控", COMMANDER);
        assertThat(await(RiskLevel.HIGH, today)).isEqualTo(RiskLevel.HIGH);

        List<PublishedLevels.Change> changes = published.changes(jurisdictions.findUnscoped("3711").orElseThrow(), 10).stream()
                .filter(c -> c.countyCode().equals(COUNTY)).toList();
        assertThat(changes).extracting(PublishedLevels.Change::to).startsWith(RiskLevel.HIGH, RiskLevel.MEDIUM);
        assertThat(changes.get(0).from()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(published.changedSince("37.3711", ShanghaiTime.startOf(today))).isPositive();

        // the nightly run: every county of the province stored for the day, nothing changed for 东港区
        published.nightly();
        assertThat(published.of("370102", today, today)).containsKey(today);
        assertThat(published.publish(COUNTY, today)).isZero();
        // counties first published at low risk are no change: the log shows only real changes
        assertThat(published.changes(jurisdictions.findUnscoped("37").orElseThrow(), 500))
                .noneMatch(c -> c.from() == null && c.to() == RiskLevel.LOW);
        assertThat(published.of("371103", today, today)).containsEntry(today, RiskLevel.LOW);
    }

    RiskLevel await(RiskLevel wanted, LocalDate day) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RiskLevel seen = null;
        while (System.nanoTime() < until) {
            seen = published.of(COUNTY, day, day).get(day);
            if (seen == wanted) {
                return seen;
            }
            Thread.sleep(200);
        }
        return seen;
    }
}
