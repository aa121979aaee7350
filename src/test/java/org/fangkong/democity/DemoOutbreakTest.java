package org.fangkong.democity;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.dashboard.CommandView;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.zoning.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start's demo epidemic gives every part of the dashboard something to show (rolled back afterwards). */
@FangkongTest
@Transactional
class DemoOutbreakTest {

    static final Actor COMMANDER = new Actor(0, "demo-test", "测试", Role.COMMANDER, "37", "37");

    @Autowired
    DemoOutbreak outbreak;
    @Autowired
    CommandView dashboard;

    @Test
    void everyChartAndFigureOfTaianShowsSomething() {
        outbreak.generate("3709");
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        CommandView.View v = dashboard.of("3709", today, 30, COMMANDER);
        assertThat(v.figures().confirmed()).isEqualTo(69);
        assertThat(v.figures().cured()).isEqualTo(26);
        assertThat(v.figures().underObservation()).isEqualTo(24);
        assertThat(v.figures().openEscalations()).isEqualTo(2);
        assertThat(v.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(v.children()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("370982");
            assertThat(t.risk()).isEqualTo(RiskLevel.HIGH);
        }).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("370911");
            assertThat(t.risk()).isEqualTo(RiskLevel.LOW);
        }).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("370902");
            assertThat(t.risk()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(t.underObservation()).isEqualTo(24);
        });
        assertThat(v.reports().completeness().doubleValue()).isBetween(80.0, 99.0);
        assertThat(v.caseTrend()).filteredOn(d -> d.newConfirmed() > 0).hasSizeGreaterThan(10);
        assertThat(v.reportTrend()).allSatisfy(d -> assertThat(d.completeness().doubleValue()).isGreaterThan(80.0));
        assertThat(v.riskTrend().get(0).medium() + v.riskTrend().get(0).high()).isPositive();
        assertThat(v.riskTrend().get(29).high()).isEqualTo(1);
    }
}
