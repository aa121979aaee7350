package org.fangkong.democity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the 2020 figures become case records: per replay day, the new confirmed cases of each county,
 * and the new cures and deaths of each city (published per city only).
 * <p>
 * County figures exist only as a snapshot of the final totals and, from 2020-02-18 to 03-10, as
 * derived bounds (exact for most counties, a range for some). The city figures are exact every day,
 * so each day's new cases of a city are given to its counties earliest-deadline-first: a county
 * whose lower bound must be reached soonest gets the next case, never beyond its upper bound or its
 * final total; between counties equally pressed, the one furthest behind its final total. Where a
 * bulletin says more (200 of 2020-02-20's new cases were in 任城监狱), the county cannot hold those
 * cases before that day. This meets every exact county value the data allow and keeps ranged ones inside their
 * range; the ranges are listed so the replay can say which county values are not published.
 * Provincial totals on a day never exceed that day's noon bulletin (so 2020-02-24 reads 755
 * confirmed and 341 cured, as published): city increments published later that day count the next.
 */
final class Shandong2020Plan {

    static final String PROVINCE = "37";
    /**
     * Cases known to be new in a county on a replay day, beyond the bounds: the bulletin of 2020-02-20
     * (0–24时, published the next morning) says 200 of that day's 202 new cases were in 任城监狱.
     */
    static final Map<String, Map<LocalDate, Integer>> KNOWN_JUMPS = Map.of("370811", Map.of(LocalDate.of(2020, 2, 21), 200));

    /** {@code n} cases of a status on a day at a place (a county, a city for cures, the province for imports). */
    record Count(LocalDate day, String jurisdiction, String status, int n) {
    }

    /** A county-day whose published value is only a range, and what the replay used. */
    record Range(LocalDate day, String county, String name, int min, int max, int used) {
    }

    final List<Count> counts = new ArrayList<>();
    final List<Range> ranges = new ArrayList<>();
    int exactCountyDays;
    int missedExactCountyDays;
    int unattributed;

    static Shandong2020Plan of(Shandong2020Data data) {
        Shandong2020Plan plan = new Shandong2020Plan();
        List<LocalDate> days = Shandong2020Data.FIRST.datesUntil(Shandong2020Data.LAST.plusDays(1)).toList();
        Map<String, int[][]> series = new LinkedHashMap<>(); // city → [confirmed, cured, died][day]
        for (String city : data.cities.keySet()) {
            int[][] s = new int[3][days.size()];
            for (int i = 0; i < days.size(); i++) {
                Shandong2020Data.Cumulative c = data.on(city, days.get(i));
                s[0][i] = Math.max(c.confirmed(), i == 0 ? 0 : s[0][i - 1]);
                s[1][i] = Math.max(c.cured(), i == 0 ? 0 : s[1][i - 1]);
                s[2][i] = Math.max(c.died(), i == 0 ? 0 : s[2][i - 1]);
            }
            series.put(city, s);
        }
        for (int i = 0; i < days.size(); i++) {
            Shandong2020Data.Cumulative b = data.bulletins.get(days.get(i));
            if (b != null) {
                for (int k = 0; k < 3; k++) {
                    capAt(series, k, i, k == 0 ? b.confirmed() : k == 1 ? b.cured() : b.died());
                }
            }
        }
        for (int[][] s : series.values()) { // never more cured and dead than confirmed
            for (int i = 0; i < days.size(); i++) {
                s[2][i] = Math.min(s[2][i], s[0][i]);
                s[1][i] = Math.min(s[1][i], s[0][i] - s[2][i]);
                if (i > 0) {
                    s[1][i] = Math.max(s[1][i], Math.min(s[1][i - 1], s[0][i] - s[2][i]));
                }
            }
        }
        Map<String, int[]> countyNew = new LinkedHashMap<>();
        for (Map.Entry<String, int[][]> e : series.entrySet()) {
            if (!e.getKey().equals(Shandong2020Data.IMPORTED)) {
                plan.allocate(data, e.getKey(), e.getValue()[0], days, countyNew);
            }
        }
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            for (Map.Entry<String, int[]> e : countyNew.entrySet()) {
                plan.add(day, e.getKey(), "CONFIRMED", e.getValue()[i]);
            }
            for (Map.Entry<String, int[][]> e : series.entrySet()) {
                String place = e.getKey().equals(Shandong2020Data.IMPORTED) ? PROVINCE : e.getKey();
                int[][] s = e.getValue();
                if (place.equals(PROVINCE)) {
                    plan.add(day, place, "CONFIRMED", s[0][i] - (i == 0 ? 0 : s[0][i - 1]));
                }
                plan.add(day, place, "CURED", s[1][i] - (i == 0 ? 0 : s[1][i - 1]));
                plan.add(day, place, "DIED", s[2][i] - (i == 0 ? 0 : s[2][i - 1]));
            }
        }
        return plan;
    }

    private void add(LocalDate day, String place, String status, int n) {
        if (n > 0) {
            counts.add(new Count(day, place, status, n));
        }
    }

    /** Holds the province's total of series {@code k} on day {@code i} to the bulletin: the largest increments give way. */
    private static void capAt(Map<String, int[][]> series, int k, int i, int bulletin) {
        if (bulletin < 0) {
            return;
        }
        int total = series.values().stream().mapToInt(s -> s[k][i]).sum();
        while (total > bulletin) {
            int[] best = series.values().stream().map(s -> s[k])
                    .filter(s -> i > 0 && s[i] > s[i - 1])
                    .max(Comparator.comparingInt(s -> s[i] - s[i - 1])).orElse(null);
            if (best == null) {
                return;
            }
            best[i]--;
            total--;
        }
    }

    /** Earliest-deadline-first: each of the city's new cases goes to the county that must grow soonest. */
    private void allocate(Shandong2020Data data, String city, int[] confirmed, List<LocalDate> days,
                          Map<String, int[]> countyNew) {
        List<String> counties = data.snapshot.entrySet().stream()
                .filter(e -> city.equals(data.countyCity.get(e.getKey())) && e.getValue() > 0).map(Map.Entry::getKey).sorted()
                .toList();
        int n = days.size();
        int cityFinal = counties.stream().mapToInt(data.snapshot::get).sum();
        Map<String, int[]> low = new LinkedHashMap<>();
        Map<String, int[]> high = new LinkedHashMap<>();
        for (String c : counties) {
            int total = data.snapshot.get(c);
            Map<LocalDate, Shandong2020Data.Bound> b = data.bounds.getOrDefault(c, new TreeMap<>());
            int[] lo = new int[n];
            int[] hi = new int[n];
            for (int i = 0; i < n; i++) {
                Shandong2020Data.Bound bound = b.get(days.get(i));
                int floor = bound != null ? bound.min() : confirmed[i] >= cityFinal ? total : 0;
                lo[i] = Math.max(i == 0 ? 0 : lo[i - 1], floor);
            }
            for (int i = n - 1; i >= 0; i--) {
                Shandong2020Data.Bound bound = b.get(days.get(i));
                // the day before a known jump the county cannot yet hold those cases
                int later = i == n - 1 ? total : hi[i + 1] - KNOWN_JUMPS.getOrDefault(c, Map.of()).getOrDefault(days.get(i + 1), 0);
                hi[i] = Math.min(later, bound != null ? bound.max() : total);
            }
            low.put(c, lo);
            high.put(c, hi);
            countyNew.put(c, new int[n]);
        }
        Map<String, Integer> have = new LinkedHashMap<>();
        counties.forEach(c -> have.put(c, 0));
        int[] unplaced = new int[n];
        for (int i = 0; i < n; i++) {
            int fresh = confirmed[i] - (i == 0 ? 0 : confirmed[i - 1]);
            for (int x = 0; x < fresh; x++) {
                final int day = i;
                String pick = counties.stream().filter(c -> have.get(c) < high.get(c)[day])
                        .min(Comparator.<String>comparingInt(c -> deadline(low.get(c), day, have.get(c)))
                                .thenComparingDouble(c -> have.get(c) / (double) data.snapshot.get(c)).thenComparing(c -> c))
                        .orElseGet(() -> counties.stream().filter(c -> have.get(c) < data.snapshot.get(c))
                                .max(Comparator.comparingInt(c -> data.snapshot.get(c) - have.get(c))).orElse(null));
                if (pick == null) {
                    unplaced[i]++;
                    unattributed++;
                } else {
                    have.merge(pick, 1, Integer::sum);
                    countyNew.get(pick)[i]++;
                }
            }
            for (String c : counties) {
                Shandong2020Data.Bound bound = data.bounds.getOrDefault(c, new TreeMap<>()).get(days.get(i));
                if (bound == null) {
                    continue;
                }
                if (bound.exact()) {
                    exactCountyDays++;
                    if (have.get(c) != bound.min()) {
                        missedExactCountyDays++;
                    }
                } else {
                    ranges.add(new Range(days.get(i), c, data.countyNames.get(c), bound.min(), bound.max(), have.get(c)));
                }
            }
        }
        countyNew.put(city, unplaced); // cases no county could take stay with the city
    }

    private static int deadline(int[] low, int from, int have) {
        for (int i = from; i < low.length; i++) {
            if (low[i] > have) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
