package org.fangkong.zoning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.cases.CountyFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2020-02-17 county rule and the 2021 rule on their boundaries, given the facts. */
class County2020RuleTest {

    static final LocalDate D = LocalDate.of(2020, 3, 20);
    final County2020Rule county = new County2020Rule();
    final Community2021Rule community = new Community2021Rule();

    static CountyFacts facts(long cumulative, long recent, long clusters) {
        return new CountyFacts("370302", "淄川区", D, cumulative, recent, null, clusters);
    }

    @Test
    void county2020() {
        assertThat(county.level(facts(0, 0, 0))).isEqualTo(RiskLevel.LOW);
        assertThat(county.level(facts(8, 0, 0))).as("no new case in 14 days").isEqualTo(RiskLevel.LOW);
        assertThat(county.level(facts(80, 0, 0))).as("many, but none new in 14 days").isEqualTo(RiskLevel.LOW);
        assertThat(county.level(facts(1, 1, 0))).isEqualTo(RiskLevel.MEDIUM);
        assertThat(county.level(facts(50, 3, 1))).as("cumulative 50 is not more than 50").isEqualTo(RiskLevel.MEDIUM);
        assertThat(county.level(facts(51, 3, 1))).isEqualTo(RiskLevel.HIGH);
        assertThat(county.level(facts(51, 3, 0))).as("no cluster within 14 days").isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void community2021() {
        assertThat(community.level(facts(100, 0, 0))).isEqualTo(RiskLevel.LOW);
        assertThat(community.level(facts(100, 9, 0))).isEqualTo(RiskLevel.MEDIUM);
        assertThat(community.level(facts(10, 10, 0))).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void urbanDistrictsOfOneCityCanShareTheHighestLevel() {
        List<CountyFacts> counties = List.of(
                new CountyFacts("370302", "淄川区", D, 0, 0, null, 0), new CountyFacts("370303", "张店区", D, 0, 0, null, 0),
                new CountyFacts("370321", "桓台县", D, 0, 0, null, 0), new CountyFacts("370402", "市中区", D, 0, 0, null, 0));
        Map<String, RiskLevel> levels = new HashMap<>(Map.of("370302", RiskLevel.LOW,
                "370303", RiskLevel.HIGH, "370321", RiskLevel.LOW, "370402", RiskLevel.LOW));
        Zoning.shareHighestAmongUrbanDistricts(counties, levels);
        assertThat(levels).containsEntry("370302", RiskLevel.HIGH).containsEntry("370303", RiskLevel.HIGH)
                .as("a county (县) keeps its own").containsEntry("370321", RiskLevel.LOW)
                .as("another city's district").containsEntry("370402", RiskLevel.LOW);
    }
}
