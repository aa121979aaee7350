package org.fangkong.democity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public Shandong figures of February–March 2020 (resources {@code demo/shandong-2020}, see its
 * SOURCES.md), read into day-by-day series. A replay day means as published by noon, that is the aggregator's
 * day (canghailan, from 2020-02-01) or the day after a value as of midnight (cheongsa, January; the
 * derived county bounds).
 */
final class Shandong2020Data {

    static final String DIR = "/demo/shandong-2020/";
    static final LocalDate FIRST = LocalDate.of(2020, 1, 25);
    static final LocalDate LAST = LocalDate.of(2020, 3, 31);
    /** The aggregator's bucket of imported cases (境外输入, from 2020-03-11): placed at the province. */
    static final String IMPORTED = "3700y0";

    /** Cumulative confirmed, cured, died of one place on one replay day. */
    record Cumulative(int confirmed, int cured, int died) {
    }

    /** A county's published bound on a replay day: exact when {@code min == max}. */
    record Bound(int min, int max) {
        boolean exact() {
            return min == max;
        }
    }

    /** City code → replay day → cumulative figures (imported cases under {@link #IMPORTED}). */
    final Map<String, TreeMap<LocalDate, Cumulative>> cities = new TreeMap<>();
    /** City code → name. */
    final Map<String, String> cityNames = new LinkedHashMap<>();
    /** Replay day → the provincial 0–12时 bulletin (cured or died may be absent: -1). */
    final Map<LocalDate, Cumulative> bulletins = new TreeMap<>();
    /** County code → its total in the snapshot (the final values, 2020-03-11 … 04-06). */
    final Map<String, Integer> snapshot = new LinkedHashMap<>();
    /** County code → its city code. */
    final Map<String, String> countyCity = new HashMap<>();
    /** County code → name. */
    final Map<String, String> countyNames = new HashMap<>();
    /** County code → replay day → bound. */
    final Map<String, TreeMap<LocalDate, Bound>> bounds = new HashMap<>();

    static Shandong2020Data load() {
        Shandong2020Data d = new Shandong2020Data();
        Map<String, String> codeByName = new HashMap<>();
        for (Map<String, String> r : rows("city_daily_canghailan.csv")) {
            String code = r.get("city_code");
            if (code.isEmpty()) {
                continue; // 未公布来源: cured not attributed to any city
            }
            String city = code.equals(IMPORTED) ? IMPORTED : code.substring(0, 4);
            codeByName.put(r.get("city"), city);
            d.cityNames.put(city, r.get("city"));
            d.cities.computeIfAbsent(city, k -> new TreeMap<>()).put(LocalDate.parse(r.get("date")),
                    new Cumulative(num(r, "cum_confirmed"), num(r, "cum_cured"), num(r, "cum_dead")));
        }
        for (Map<String, String> r : rows("city_24h_cheongsa.csv")) {
            String city = codeByName.get(r.get("city"));
            LocalDate day = LocalDate.parse(r.get("date_as_of_24h")).plusDays(1);
            if (city != null && day.isBefore(LocalDate.of(2020, 2, 1)) && !day.isBefore(FIRST)) {
                d.cities.get(city).put(day, new Cumulative(num(r, "cum_confirmed"), num(r, "cum_recovered"), num(r, "cum_deaths")));
            }
        }
        for (Map<String, String> r : rows("province_bulletins.csv")) {
            String start = r.get("period_start");
            String end = r.get("period_end_as_of");
            if (start.endsWith("00:00") && end.endsWith("12:00") && start.substring(0, 10).equals(end.substring(0, 10))) {
                d.bulletins.put(LocalDate.parse(end.substring(0, 10)),
                        new Cumulative(num(r, "cum_confirmed"), num(r, "cum_cured"), num(r, "cum_deaths")));
            }
        }
        for (Map<String, String> r : rows("county_snapshot.csv")) {
            String county = r.get("adcode_2020");
            d.snapshot.put(county, num(r, "cum_confirmed"));
            d.countyCity.put(county, county.substring(0, 4));
            d.countyNames.put(county, r.get("county_2020"));
        }
        for (Map<String, String> r : rows("county_bounds_DERIVED.csv")) {
            d.bounds.computeIfAbsent(r.get("adcode_2020"), k -> new TreeMap<>()).put(
                    LocalDate.parse(r.get("date_as_of_24h")).plusDays(1),
                    new Bound(num(r, "cum_confirmed_min"), num(r, "cum_confirmed_max")));
        }
        return d;
    }

    /** The city's figures on a replay day: the last published on or before it (zero before any). */
    Cumulative on(String city, LocalDate day) {
        Map.Entry<LocalDate, Cumulative> e = cities.get(city).floorEntry(day);
        return e == null ? new Cumulative(0, 0, 0) : e.getValue();
    }

    private static int num(Map<String, String> r, String column) {
        String v = r.get(column);
        return v == null || v.isBlank() ? -1 : Integer.parseInt(v.strip());
    }

    /** A small CSV reader: a header row, fields quoted when they hold a comma. */
    static List<Map<String, String>> rows(String file) {
        try (InputStream in = Shandong2020Data.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = fields(reader.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < f.size() ? f.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
