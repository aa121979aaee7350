package org.fangkong.ledger.checkpoints;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fangkong.common.RowChecks;
import org.fangkong.common.Workbooks.RawRow;
import org.fangkong.common.Workbooks;
import org.fangkong.common.jobs.Jobs;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected.RowError;
import org.fangkong.ledger.internal.ImportChecks;
import org.fangkong.ledger.internal.LedgerEnums.CheckpointKind;
import org.fangkong.ledger.internal.LedgerScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints and their duty roster (卡口值班台账) in and out of Excel: one row per shift (a
 * checkpoint without shifts is one row with the shift columns empty). On the way in, a checkpoint
 * is found by its place and name (or added), and a shift with the same day, start and end is
 * updated (staff, responsible person) rather than added twice; so the round trip is lossless.
 */
@Service
public class RosterExcel {

    public static final String[] HEADERS = {"村（社区）/网格代码", "卡口名称", "卡口类型", "位置", "日期", "开始时间", "结束时间", "值班人员",
            "负责人"};
    static final Map<CheckpointKind, String> KINDS = new EnumMap<>(Map.of(CheckpointKind.ROAD, "道路卡口",
            CheckpointKind.GATE, "小区门岗", CheckpointKind.TOLL_STATION, "收费站", CheckpointKind.OTHER, "其他"));
    private static final String STAFF_SEPARATOR = "、";

    /** What an import wrote. */
    public record ImportResult(int checkpointsAdded, int shiftsAdded, int shiftsUpdated, int rejected, List<RowError> errors) {
    }

    private record Valid(String place, String name, CheckpointKind kind, String location, LocalDate day, Integer start,
                         Integer end, String[] staff, String responsible) {
    }

    private final JdbcClient jdbc;
    private final LedgerScope scope;
    private final Jobs jobs;
    private final TransactionTemplate tx;

    RosterExcel(JdbcClient jdbc, LedgerScope scope, Jobs jobs, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Imports a file in the background (pages): answers the job whose page shows the outcome. */
    public UUID startImport(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        LedgerScope.requireWrite(actor);
        return jobs.start("rosterImport", actor, "/checkpoints", progress -> {
            progress.phase("writing", 0);
            ImportResult r = tx.execute(status -> importRows(xlsx, validRowsOnly, actor));
            return Map.of("written", r.shiftsAdded() + r.shiftsUpdated(), "checkpointsAdded", r.checkpointsAdded(),
                    "errors", r.errors());
        });
    }

    /** Checkpoints in scope (or of one place) with their shifts from {@code from} on (default: all), as xlsx. */
    @Transactional(readOnly = true)
    public byte[] export(String jurisdiction, LocalDate from, Actor actor) {
        LedgerScope.requireRead(actor);
        String place = jurisdiction == null || jurisdiction.isBlank() ? null : scope.place(jurisdiction, actor, "jurisdiction").code();
        List<Object[]> rows = jdbc.sql("""
                        select c.jurisdiction_code, c.name, c.kind, c.location, s.day, s.start_minute, s.end_minute, s.staff,
                               s.responsible
                        from checkpoint c
                        join jurisdiction j on j.code = c.jurisdiction_code
                        left join duty_shift s on s.checkpoint_id = c.id and (cast(:from as date) is null or s.day >= :from)
                        where j.path <@ cast(:scope as ltree) and (cast(:place as text) is null or c.jurisdiction_code = :place)
                          and c.closed_at is null
                        order by c.jurisdiction_code, c.name, c.id, s.day, s.start_minute, s.id
                        """)
                .param("scope", actor.scopePath()).param("place", place).param("from", from)
                .query((rs, n) -> {
                    Integer start = rs.getObject(6, Integer.class);
                    Integer end = rs.getObject(7, Integer.class);
                    Array staff = rs.getArray(8);
                    return new Object[] {rs.getString(1), rs.getString(2), KINDS.get(CheckpointKind.valueOf(rs.getString(3))),
                            rs.getString(4), rs.getObject(5, LocalDate.class), start == null ? null : DutyRoster.hhmm(start),
                            end == null ? null : DutyRoster.hhmm(end),
                            staff == null ? null : String.join(STAFF_SEPARATOR, (String[]) staff.getArray()), rs.getString(9)};
                }).list();
        return Workbooks.sheet("卡口值班台账", HEADERS, rows, r -> r);
    }

    /** The export's layout back; any bad row and not {@code validRowsOnly}: nothing written. */
    @Transactional
    public ImportResult importXlsx(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        return importRows(xlsx, validRowsOnly, actor);
    }

    private ImportResult importRows(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        LedgerScope.requireWrite(actor);
        List<RawRow> rows;
        rows = Workbooks.read(xlsx, HEADERS.length, c -> c == 4);
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        // a roster plans ahead: its days may lie in the future
        ImportChecks checks = new ImportChecks(scope, actor, LocalDate.MAX);
        RowChecks.Checked<Valid> checked = RowChecks.each(rows, row -> check(row, checks), null).orReject(validRowsOnly);
        List<Valid> valid = checked.valid();
        List<RowError> errors = checked.errors();
        int[] checkpointsAdded = {0};
        int shiftsAdded = 0;
        int shiftsUpdated = 0;
        Map<String, Long> checkpoints = new HashMap<>();
        for (Valid v : valid) {
            long checkpoint = checkpoints.computeIfAbsent(v.place() + '\u0000' + v.name(), k -> checkpoint(v, actor, checkpointsAdded));
            if (v.day() == null) {
                continue;
            }
            int updated = jdbc.sql("""
                            update duty_shift set staff = :staff, responsible = :r
                            where id = (select id from duty_shift where checkpoint_id = :c and day = :day and start_minute = :s
                                        and end_minute = :e order by id limit 1)
                            """)
                    .param("c", checkpoint).param("day", v.day()).param("s", v.start()).param("e", v.end())
                    .param("staff", v.staff()).param("r", v.responsible()).update();
            if (updated == 0) {
                jdbc.sql("""
                                insert into duty_shift (checkpoint_id, day, start_minute, end_minute, staff, responsible, created_by)
                                values (:c, :day, :s, :e, :staff, :r, :by)
                                """)
                        .param("c", checkpoint).param("day", v.day()).param("s", v.start()).param("e", v.end())
                        .param("staff", v.staff()).param("r", v.responsible()).param("by", actor.username()).update();
                shiftsAdded++;
            } else {
                shiftsUpdated++;
            }
        }
        return new ImportResult(checkpointsAdded[0], shiftsAdded, shiftsUpdated, errors.size(), errors);
    }

    /** The open checkpoint of this name in this place (its type and location as the file says), or a new one. */
    private long checkpoint(Valid v, Actor actor, int[] added) {
        return jdbc.sql("""
                        update checkpoint set kind = :kind, location = :loc
                        where id = (select id from checkpoint where jurisdiction_code = :j and name = :name and closed_at is null
                                    order by id limit 1)
                        returning id
                        """)
                .param("j", v.place()).param("name", v.name()).param("kind", v.kind().name()).param("loc", v.location())
                .query(Long.class).optional()
                .orElseGet(() -> {
                    added[0]++;
                    return jdbc.sql("""
                                    insert into checkpoint (jurisdiction_code, name, kind, location, created_by)
                                    values (:j, :name, :kind, :loc, :by) returning id
                                    """)
                            .param("j", v.place()).param("name", v.name()).param("kind", v.kind().name())
                            .param("loc", v.location()).param("by", actor.username()).query(Long.class).single();
                });
    }

    private Valid check(RawRow row, ImportChecks checks) {
        String place = checks.place(row.cell(0), HEADERS[0]);
        if (row.cell(1).isEmpty()) {
            throw new FieldException(HEADERS[1], "validation.checkpoint.name");
        }
        CheckpointKind kind = Workbooks.label(KINDS, row.cell(2))
                .orElseThrow(() -> new FieldException(HEADERS[2], "validation.checkpoint.kind"));
        boolean shift = !(row.cell(4) + row.cell(5) + row.cell(6) + row.cell(7) + row.cell(8)).isEmpty();
        if (!shift) {
            return new Valid(place, row.cell(1), kind, row.cell(3), null, null, null, null, null);
        }
        LocalDate day = checks.day(row.cell(4), HEADERS[4]);
        if (day == null) {
            throw new FieldException(HEADERS[4], "validation.shift.day");
        }
        int start = minute(row.cell(5), 5, false);
        int end = minute(row.cell(6), 6, true);
        if (end <= start) {
            throw new FieldException(HEADERS[6], "validation.shift.order");
        }
        if (row.cell(8).isEmpty()) {
            throw new FieldException(HEADERS[8], "validation.shift.responsible");
        }
        String[] staff = Arrays.stream(row.cell(7).split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        return new Valid(place, row.cell(1), kind, row.cell(3), day, start, end, staff, row.cell(8));
    }

    private static int minute(String text, int column, boolean end) {
        try {
            return DutyRoster.minute(excelTime(text), HEADERS[column], end);
        } catch (FieldException e) {
            throw new FieldException(HEADERS[column], e.messageKey());
        }
    }

    /** A time typed into Excel as a time reads back as a fraction of a day (0.3333 = 08:00). */
    private static String excelTime(String text) {
        if (text.matches("0(\\.\\d+)?|1")) {
            long minutes = Math.round(Double.parseDouble(text) * 1440);
            return minutes == 1440 ? "24:00" : DutyRoster.hhmm((int) minutes);
        }
        return text;
    }
}
