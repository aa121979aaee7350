package org.fangkong.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fangkong.common.RowChecks;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Workbooks;
import org.fangkong.common.Workbooks.RawRow;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.jobs.Jobs;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected.RowError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff roster (员工花名册) from Excel: every row checked as the form is (faults under the
 * Chinese column), the file refused whole unless only the valid rows are asked for, then each
 * member of staff written as adding them does (those from outside into the village's ledger). An
 * ID number already on the roster updates that member. The template is the layout with no rows: the
 * roster is not exported with full identities.
 */
@Service
public class StaffExcel {

    static final String[] HEADERS = {"姓名", "身份证号", "手机号", "居住村（社区）代码", "从何处返回（本市员工不填）", "来源地区划代码",
            "返回日期"};
    private static final Map<String, String> COLUMNS = Map.of("name", HEADERS[0], "idNumber", HEADERS[1], "phone", HEADERS[2],
            "village", HEADERS[3], "origin", HEADERS[4], "originCode", HEADERS[5], "returnedOn", HEADERS[6]);

    /** What an import wrote, and the rows left out (only when the valid rows were asked for). */
    public record ImportResult(int written, int fromOutside, int rejected, List<RowError> errors) {
    }

    private final StaffRoster roster;
    private final Enterprises enterprises;
    private final Jobs jobs;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    StaffExcel(StaffRoster roster, Enterprises enterprises, Jobs jobs, AuditTrail audit, PlatformTransactionManager txManager,
               Clock clock) {
        this.roster = roster;
        this.enterprises = enterprises;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** The import's layout, no rows. */
    public byte[] template() {
        return Workbooks.sheet("员工花名册", HEADERS, List.<String[]>of(), row -> row);
    }

    @Transactional
    public ImportResult importXlsx(long enterpriseId, byte[] xlsx, boolean validRowsOnly, Actor actor) {
        return importRows(enterpriseId, read(xlsx), validRowsOnly, actor, null);
    }

    /** The import in the background; the job's page shows progress and every rejected row. */
    public UUID startImport(long enterpriseId, byte[] xlsx, boolean validRowsOnly, Actor actor) {
        enterprises.find(enterpriseId, actor);
        StaffRoster.requireEnterpriseOrOfficer(actor);
        return jobs.start("staffImport", actor, "/enterprises/" + enterpriseId + "#staff", progress -> {
            progress.phase("reading", 0);
            List<RawRow> rows = read(xlsx);
            return tx.execute(status -> importRows(enterpriseId, rows, validRowsOnly, actor, progress));
        });
    }

    private static List<RawRow> read(byte[] xlsx) {
        List<RawRow> rows = Workbooks.read(xlsx, HEADERS.length, c -> c == 6);
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        return rows;
    }

    private ImportResult importRows(long enterpriseId, List<RawRow> rows, boolean validRowsOnly, Actor actor, JobProgress progress) {
        Enterprise e = enterprises.find(enterpriseId, actor);
        StaffRoster.requireEnterpriseOrOfficer(actor);
        LocalDate today = ShanghaiTime.today(clock);
        Set<String> seen = new HashSet<>();
        RowChecks.Checked<StaffRoster.Checked> checked = RowChecks.each(rows, row -> check(row, e, today, seen),
                field -> COLUMNS.getOrDefault(field, field), progress).orReject(validRowsOnly);
        if (progress != null) {
            progress.phase("writing", checked.valid().size());
        }
        int outside = 0;
        int written = 0;
        for (StaffRoster.Checked c : checked.valid()) {
            roster.write(e, c, actor);
            outside += c.outside() ? 1 : 0;
            if (progress != null && ++written % 500 == 0) {
                progress.done(written);
            }
        }
        audit.record(AuditActions.STAFF_IMPORTED, "enterprise:" + enterpriseId, "rows:" + checked.valid().size());
        return new ImportResult(checked.valid().size(), outside, checked.errors().size(), checked.errors());
    }

    private StaffRoster.Checked check(RawRow row, Enterprise e, LocalDate today, Set<String> seen) {
        LocalDate returned = Workbooks.dateOrNull(row.cell(6));
        if (returned == null && !row.cell(6).isEmpty()) {
            throw new FieldException("returnedOn", "validation.import.date");
        }
        StaffRoster.Checked c = roster.check(new StaffRoster.StaffForm(row.cell(0), row.cell(1), row.cell(2), row.cell(3),
                row.cell(4), row.cell(5), returned), e, today);
        if (!seen.add(c.id().value())) {
            throw new FieldException("idNumber", "validation.staff.twice");
        }
        return c;
    }
}
