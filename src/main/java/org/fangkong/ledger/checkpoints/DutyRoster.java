package org.fangkong.ledger.checkpoints;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.ledger.internal.LedgerScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty roster of a checkpoint (卡口值班台账, docs/rules.md "Checkpoints"): shifts with staff and a
 * responsible person, and for a week the 24-hour coverage of each day with its gaps (hours nobody
 * is on duty, or shifts without staff).
 */
@Service
public class DutyRoster {

    /** A shift; times as HH:mm, the end may be 24:00. */
    public record Shift(long id, LocalDate day, String start, String end, List<String> staff, String responsible) {
    }

    /** Hours of a day that nobody covers. */
    public record Gap(String start, String end) {
    }

    public record Day(LocalDate day, List<Shift> shifts, List<Gap> gaps, boolean covered) {
    }

    public record ShiftForm(LocalDate day, String start, String end, List<String> staff, String responsible) {
    }

    private final JdbcClient jdbc;
    private final PassageLog checkpoints;
    private final Clock clock;

    DutyRoster(JdbcClient jdbc, PassageLog checkpoints, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** The first day a roster page shows when none is asked for: today (Asia/Shanghai). */
    public LocalDate today() {
        return ShanghaiTime.today(clock);
    }

    @Transactional
    public Shift add(long checkpointId, ShiftForm form, Actor actor) {
        LedgerScope.requireWrite(actor);
        checkpoints.checkpoint(checkpointId, actor);
        if (form.day() == null) {
            throw new FieldException("day", "validation.shift.day");
        }
        int start = minute(form.start(), "start", false);
        int end = minute(form.end(), "end", true);
        if (end <= start) {
            throw new FieldException("end", "validation.shift.order");
        }
        List<String> staff = form.staff() == null ? List.of()
                : form.staff().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (form.responsible() == null || form.responsible().isBlank()) {
            throw new FieldException("responsible", "validation.shift.responsible");
        }
        long id = jdbc.sql("""
                        insert into duty_shift (checkpoint_id, day, start_minute, end_minute, staff, responsible, created_by)
                        values (:c, :day, :s, :e, :staff, :r, :by) returning id
                        """)
                .param("c", checkpointId).param("day", form.day()).param("s", start).param("e", end)
                .param("staff", staff.toArray(new String[0])).param("r", form.responsible().strip())
                .param("by", actor.username()).query(Long.class).single();
        return new Shift(id, form.day(), hhmm(start), hhmm(end), staff, form.responsible().strip());
    }

    /** Seven days from {@code from} (default today), each with its shifts in time order and its gaps. */
    @Transactional(readOnly = true)
    public List<Day> week(long checkpointId, LocalDate start, Actor actor) {
        checkpoints.checkpoint(checkpointId, actor);
        LocalDate from = start == null ? today() : start;
        record Row(long id, LocalDate day, int start, int end, List<String> staff, String responsible) {
        }
        List<Row> rows = jdbc.sql("""
                        select id, day, start_minute, end_minute, staff, responsible from duty_shift
                        where checkpoint_id = :c and day >= :from and day < :to order by day, start_minute, id
                        """)
                .param("c", checkpointId).param("from", from).param("to", from.plusDays(7))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getString(6)))
                .list();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = from.plusDays(i);
            List<Row> today = rows.stream().filter(r -> r.day().equals(d)).toList();
            List<int[]> staffed = today.stream().filter(r -> !r.staff().isEmpty()).map(r -> new int[] {r.start(), r.end()}).toList();
            List<Gap> gaps = gaps(staffed).stream().map(g -> new Gap(hhmm(g[0]), hhmm(g[1]))).toList();
            days.add(new Day(d, today.stream().map(r -> new Shift(r.id(), r.day(), hhmm(r.start()), hhmm(r.end()), r.staff(),
                    r.responsible())).toList(), gaps, gaps.isEmpty()));
        }
        return days;
    }

    /** The parts of 00:00-24:00 (in minutes) that none of the staffed intervals covers. */
    public static List<int[]> gaps(List<int[]> staffed) {
        List<int[]> sorted = new ArrayList<>(staffed);
        sorted.sort(Comparator.comparingInt(a -> a[0]));
        List<int[]> gaps = new ArrayList<>();
        int covered = 0;
        for (int[] s : sorted) {
            if (s[0] > covered) {
                gaps.add(new int[] {covered, s[0]});
            }
            covered = Math.max(covered, s[1]);
        }
        if (covered < 1440) {
            gaps.add(new int[] {covered, 1440});
        }
        return gaps;
    }

    static int minute(String text, String field, boolean end) {
        if (text == null || text.isBlank()) {
            throw new FieldException(field, "validation.shift.time");
        }
        String t = text.strip();
        if (end && (t.equals("24:00") || t.equals("24:00:00"))) {
            return 1440;
        }
        try {
            LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
            return time.getHour() * 60 + time.getMinute();
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "validation.shift.time");
        }
    }

    static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
