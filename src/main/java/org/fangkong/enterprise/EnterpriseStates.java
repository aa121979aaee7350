package org.fangkong.enterprise;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.enterprise.Enterprise.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes enterprises' states (one row per enterprise and day) and keeps the rates' running sums
 * ({@code enterprise_rate_delta}) in step in the same transaction: a change on a day takes the
 * enterprise's previous contribution off its county, section and scale and adds the new one, from
 * that day on. A change may not be dated before the enterprise's last one (the past stays as it
 * was reported) nor after today.
 */
@Component
class EnterpriseStates {

    /** A state to record: from {@code day} on, with the staff back then. */
    record Change(long enterpriseId, State state, int staffBack, LocalDate day, String note) {
    }

    /** A status row: the state and what it is counted under. */
    private record Status(LocalDate day, State state, int staffBack, int staffTotal, String place, String section, boolean above) {

        String county() {
            return place.substring(0, 6);
        }
    }

    private final JdbcClient jdbc;

    EnterpriseStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long enterpriseId, State state, int staffBack, LocalDate day, String note, Actor actor) {
        recordAll(List.of(new Change(enterpriseId, state, staffBack, day, note)), actor);
    }

    /**
     * Records the changes (at most one per enterprise) in three statements and one upsert of the
     * sums, whatever their number: the enterprises' rows are locked, so two changes of one enterprise
     * never interleave.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordAll(List<Change> changes, Actor actor) {
        if (changes.isEmpty()) {
            return;
        }
        Long[] ids = changes.stream().map(Change::enterpriseId).sorted().toArray(Long[]::new);
        Map<Long, Status> now = new HashMap<>();
        jdbc.sql("""
                        select id, staff_total, jurisdiction_code, industry_section, above_scale from enterprise
                        where id = any(cast(:ids as bigint[])) order by id for update
                        """).param("ids", ids)
                .query((rs, n) -> now.put(rs.getLong(1), new Status(null, null, 0, rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)))).list();
        Map<Long, Status> before = new HashMap<>();
        jdbc.sql("""
                        select distinct on (enterprise_id) enterprise_id, day, state, staff_back, staff_total, place_code, section,
                               above_scale
                        from enterprise_status where enterprise_id = any(cast(:ids as bigint[]))
                        order by enterprise_id, day desc
                        """).param("ids", ids)
                .query((rs, n) -> before.put(rs.getLong(1), new Status(rs.getObject(2, LocalDate.class),
                        State.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getBoolean(8)))).list();
        Map<String, long[]> deltas = new TreeMap<>(); // sorted: the sums' rows are locked in one order
        int n = changes.size();
        Long[] id = new Long[n];
        String[] day = new String[n], state = new String[n], place = new String[n], section = new String[n], note = new String[n];
        Integer[] back = new Integer[n], total = new Integer[n];
        Boolean[] above = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            Status e = now.get(c.enterpriseId());
            Status prev = before.get(c.enterpriseId());
            if (prev != null && c.day().isBefore(prev.day())) {
                throw new FieldException("day", "validation.enterprise.dayBeforeLast", prev.day());
            }
            if (c.staffBack() < 0 || c.staffBack() > e.staffTotal()) {
                throw new FieldException("staffBack", "validation.enterprise.staffBack", e.staffTotal());
            }
            Status next = new Status(c.day(), c.state(), c.staffBack(), e.staffTotal(), e.place(), e.section(), e.above());
            if (prev != null) {
                add(deltas, prev, c.day(), -1);
            }
            add(deltas, next, c.day(), 1);
            id[i] = c.enterpriseId();
            day[i] = c.day().toString();
            state[i] = c.state().name();
            back[i] = c.staffBack();
            total[i] = e.staffTotal();
            place[i] = e.place();
            section[i] = e.section();
            above[i] = e.above();
            note[i] = c.note() == null ? "" : c.note();
        }
        jdbc.sql("""
                        insert into enterprise_status (enterprise_id, day, state, staff_back, staff_total, place_code, section,
                                                       above_scale, changed_by, note)
                        select k.id, k.day, k.state, k.back, k.total, k.place, k.section, k.above, :by, k.note
                        from unnest(cast(:id as bigint[]), cast(:day as date[]), cast(:state as text[]), cast(:back as int[]),
                                    cast(:total as int[]), cast(:place as text[]), cast(:section as text[]),
                                    cast(:above as boolean[]), cast(:note as text[]))
                             as k(id, day, state, back, total, place, section, above, note)
                        on conflict (enterprise_id, day) do update
                            set state = excluded.state, staff_back = excluded.staff_back, staff_total = excluded.staff_total,
                                place_code = excluded.place_code, section = excluded.section, above_scale = excluded.above_scale,
                                changed_by = excluded.changed_by, changed_at = now(), note = excluded.note
                        """)
                .param("id", id).param("day", day).param("state", state).param("back", back).param("total", total)
                .param("place", place).param("section", section).param("above", above).param("note", note)
                .param("by", actor.username()).update();
        apply(deltas);
    }

    private static void add(Map<String, long[]> deltas, Status s, LocalDate day, int sign) {
        long[] d = deltas.computeIfAbsent(s.county() + "|" + s.section() + "|" + s.above() + "|" + day, k -> new long[5]);
        d[0] += sign;
        d[1] += sign * (s.state().resumed() ? 1 : 0);
        d[2] += sign * (s.state() == State.FULL_PRODUCTION ? 1 : 0);
        d[3] += (long) sign * s.staffTotal();
        d[4] += (long) sign * s.staffBack();
    }

    private void apply(Map<String, long[]> deltas) {
        List<Map.Entry<String, long[]>> rows = deltas.entrySet().stream().filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] county = new String[n], section = new String[n];
        Boolean[] above = new Boolean[n];
        String[] day = new String[n];
        Integer[] enterprises = new Integer[n], resumed = new Integer[n], full = new Integer[n];
        Long[] total = new Long[n], back = new Long[n];
        for (int i = 0; i < n; i++) {
            String[] k = rows.get(i).getKey().split("\\|");
            long[] d = rows.get(i).getValue();
            county[i] = k[0];
            section[i] = k[1];
            above[i] = Boolean.valueOf(k[2]);
            day[i] = k[3];
            enterprises[i] = (int) d[0];
            resumed[i] = (int) d[1];
            full[i] = (int) d[2];
            total[i] = d[3];
            back[i] = d[4];
        }
        jdbc.sql("""
                        insert into enterprise_rate_delta (county_code, section, above_scale, day, enterprises, resumed, full_output,
                                                           staff_total, staff_back)
                        select * from unnest(cast(:county as text[]), cast(:section as text[]), cast(:above as boolean[]),
                                             cast(:day as date[]), cast(:e as int[]), cast(:r as int[]), cast(:f as int[]),
                                             cast(:t as bigint[]), cast(:b as bigint[]))
                        on conflict (county_code, section, above_scale, day) do update
                            set enterprises = enterprise_rate_delta.enterprises + excluded.enterprises,
                                resumed = enterprise_rate_delta.resumed + excluded.resumed,
                                full_output = enterprise_rate_delta.full_output + excluded.full_output,
                                staff_total = enterprise_rate_delta.staff_total + excluded.staff_total,
                                staff_back = enterprise_rate_delta.staff_back + excluded.staff_back
                        """)
                .param("county", county).param("section", section).param("above", above).param("day", day)
                .param("e", enterprises).param("r", resumed).param("f", full).param("t", total).param("b", back).update();
    }
}
