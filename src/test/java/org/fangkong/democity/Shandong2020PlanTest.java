package org.fangkong.democity;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2020 replay's plan, read from the shipped public figures, before anything touches a database. */
class Shandong2020PlanTest {

    static final Shandong2020Data DATA = Shandong2020Data.load();
    static final Shandong2020Plan PLAN = Shandong2020Plan.of(DATA);

    static int sum(String status, LocalDate upTo, String prefix) {
        return PLAN.counts.stream().filter(c -> c.status().equals(status) && !c.day().isAfter(upTo)
                && c.jurisdiction().startsWith(prefix)).mapToInt(Shandong2020Plan.Count::n).sum();
    }

    @Test
    void theProvinceOn24FebruaryReadsAsTheNoonBulletin() {
        LocalDate d = LocalDate.of(2020, 2, 24);
        assertThat(sum("CONFIRMED", d, "37")).isEqualTo(755);
        assertThat(sum("CURED", d, "37")).isEqualTo(341);
    }

    @Test
    void everyCitysConfirmedCasesAddUpToItsPublishedFigureEveryDay() {
        for (LocalDate d = Shandong2020Data.FIRST; !d.isAfter(Shandong2020Data.LAST); d = d.plusDays(1)) {
            Map<String, Integer> byCity = new TreeMap<>();
            for (Shandong2020Plan.Count c : PLAN.counts) {
                if (c.status().equals("CONFIRMED") && !c.day().isAfter(d) && c.jurisdiction().length() >= 4) {
                    byCity.merge(c.jurisdiction().substring(0, 4), c.n(), Integer::sum);
                }
            }
            for (Map.Entry<String, Integer> e : byCity.entrySet()) {
                int published = DATA.on(e.getKey(), d).confirmed();
                if (DATA.bulletins.containsKey(d)) {
                    assertThat(e.getValue()).as("%s on %s", e.getKey(), d).isLessThanOrEqualTo(published);
                } else {
                    assertThat(e.getValue()).as("%s on %s", e.getKey(), d).isEqualTo(published);
                }
            }
        }
        // the end: every county at its snapshot total, 济宁 260, 青岛 61, 759 local cases
        assertThat(sum("CONFIRMED", Shandong2020Data.LAST, "3708")).isEqualTo(260);
        assertThat(sum("CONFIRMED", Shandong2020Data.LAST, "3702")).isEqualTo(61);
        Map<String, Integer> counties = PLAN.counts.stream().filter(c -> c.status().equals("CONFIRMED") && c.jurisdiction().length() == 6)
                .collect(Collectors.groupingBy(Shandong2020Plan.Count::jurisdiction, Collectors.summingInt(Shandong2020Plan.Count::n)));
        DATA.snapshot.forEach((county, total) -> assertThat(counties.getOrDefault(county, 0)).as(county).isEqualTo(total));
        assertThat(PLAN.unattributed).isZero();
    }

    @Test
    void exactCountyValuesAreMetAndRangesAreListed() {
        assertThat(PLAN.exactCountyDays).isGreaterThan(1700);
        assertThat(PLAN.missedExactCountyDays).isZero();
        assertThat(PLAN.ranges).allSatisfy(r -> assertThat(r.used()).isBetween(r.min(), r.max()));
        // 任城区 holds the prison's cases once they are published (2020-02-20 as of midnight)
        assertThat(PLAN.ranges).anySatisfy(r -> {
            assertThat(r.county()).isEqualTo("370811");
            assertThat(r.day()).isEqualTo(LocalDate.of(2020, 2, 18));
            assertThat(r.min()).isEqualTo(27);
            assertThat(r.max()).isEqualTo(235);
        });
        assertThat(sum("CONFIRMED", LocalDate.of(2020, 2, 21), "370811")).isBetween(228, 235);
        // the prison's 200 cases of 2020-02-20 come that day, not before: 任城区 stays under 50 (medium) until then
        assertThat(sum("CONFIRMED", LocalDate.of(2020, 2, 20), "370811")).isEqualTo(35);
        assertThat(sum("CONFIRMED", LocalDate.of(2020, 2, 20), "3708")).isEqualTo(52);
    }
}
