package org.fangkong.democity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Percentage;
import org.fangkong.checkin.VisitLoader;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.venue.PublicVenue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CityGeneratorTest {

    static final CitySpec SPEC = new CitySpec(2_000, 200, 3, 1.5, "3709", 7);
    static final LocalDate FIRST = LocalDate.of(2020, 2, 10);

    static List<VisitLoader.Row> generate(CitySpec spec) {
        List<PublicVenue> venues = new ArrayList<>();
        for (int i = 0; i < spec.venues(); i++) {
            venues.add(new PublicVenue(1000 + i, "c" + i, "v" + i, i % 3 == 0 ? 30 : 60, true, null));
        }
        VisitLoader.SealedPhone[] phones = new VisitLoader.SealedPhone[spec.people()];
        for (int p = 0; p < phones.length; p++) {
            phones[p] = new VisitLoader.SealedPhone(new byte[] {(byte) p}, new byte[0], CityGenerator.phoneOf(spec.seed(), p));
        }
        List<VisitLoader.Row> rows = new ArrayList<>();
        new CityGenerator(spec, venues, phones, FIRST).forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void theSameSeedGivesTheSameCity() {
        List<VisitLoader.Row> a = generate(SPEC);
        List<VisitLoader.Row> b = generate(SPEC);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).venueId()).isEqualTo(b.get(i).venueId());
            assertThat(a.get(i).phone().masked()).isEqualTo(b.get(i).phone().masked());
            assertThat(a.get(i).checkedInAt()).isEqualTo(b.get(i).checkedInAt());
            assertThat(a.get(i).checkedOutAt()).isEqualTo(b.get(i).checkedOutAt());
        }
        List<VisitLoader.Row> other = generate(new CitySpec(2_000, 200, 3, 1.5, "3709", 8));
        assertThat(other.get(0).checkedInAt()).isNotEqualTo(a.get(0).checkedInAt());
    }

    @Test
    void sizeRhythmAndPopularityLookLikeACity() {
        List<VisitLoader.Row> rows = generate(SPEC);
        assertThat((double) rows.size()).isCloseTo(SPEC.expectedVisits(), Percentage.withPercentage(5));
        int[] perHour = new int[24];
        Map<Long, Integer> perVenue = new HashMap<>();
        for (VisitLoader.Row r : rows) {
            perHour[r.checkedInAt().atZone(ShanghaiTime.ZONE).getHour()]++;
            perVenue.merge(r.venueId(), 1, Integer::sum);
        }
        assertThat(perHour[3]).as("3 at night").isLessThan(perHour[18] / 20);
        assertThat(perHour[8] + perHour[12] + perHour[18]).isGreaterThan(perHour[2] + perHour[3] + perHour[4]);
        List<Integer> sorted = perVenue.values().stream().sorted((x, y) -> y - x).toList();
        int median = sorted.get(sorted.size() / 2);
        assertThat(sorted.get(0)).as("the most popular venue is far busier than the median one").isGreaterThan(5 * median);
        assertThat(sorted.get(sorted.size() - 1)).as("and the long tail is quiet").isLessThan(median);
    }

    @Test
    void everyVisitFollowsTheCheckoutRules() {
        Map<String, List<VisitLoader.Row>> byPersonDay = new HashMap<>();
        for (VisitLoader.Row r : generate(SPEC)) {
            LocalDate day = ShanghaiTime.dayOf(r.checkedInAt());
            assertThat(ShanghaiTime.dayOf(r.checkedOutAt().minusNanos(1))).isEqualTo(day);
            assertThat(r.checkedOutAt()).isAfterOrEqualTo(r.checkedInAt());
            assertThat(Duration.between(r.checkedInAt(), r.checkedOutAt())).isLessThanOrEqualTo(Duration.ofMinutes(60));
            byPersonDay.computeIfAbsent(r.phone().masked() + day, k -> new ArrayList<>()).add(r);
        }
        for (List<VisitLoader.Row> day : byPersonDay.values()) {
            for (int i = 1; i < day.size(); i++) {
                assertThat(day.get(i).checkedInAt()).isAfterOrEqualTo(day.get(i - 1).checkedOutAt().minusSeconds(60));
            }
        }
    }
}
