package org.fangkong.ledger.residents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.fangkong.common.RowChecks;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Workbooks.RawRow;
import org.fangkong.common.Workbooks;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.jobs.Jobs;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected.RowError;
import org.fangkong.ledger.internal.ImportChecks;
import org.fangkong.ledger.internal.LedgerEnums.Health;
import org.fangkong.ledger.internal.LedgerEnums.Relation;
import org.fangkong.ledger.internal.LedgerEnums.Residence;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.ledger.residents.ResidentBulkWriter.Member;
import org.fangkong.ledger.residents.ResidentWorkbook.Line;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resident ledger in and out of Excel. Export: every member in scope with full ID numbers and
 * phones (it is the grid worker's own ledger), audited as an export. Import: the same layout; every
 * row is checked and each bad one reported by number; a file with bad rows writes nothing unless
 * the caller asks for the valid rows. A row of someone already living in that household updates
 * them, so a ledger exported, edited in Excel and imported again changes only what was edited.
 */
@Service
public class ResidentExcel {

    public record ImportResult(int written, int rejected, List<RowError> errors) {
    }

    /** The most rows one file may hold (the benchmark's size). */
    public static final int MAX_ROWS = 100_000;

    private static final JobProgress NO_PROGRESS = new JobProgress() {
        @Override
        public void phase(String phase, long total) {
        }

        @Override
        public void done(long done) {
        }
    };

    private final JdbcClient jdbc;
    private final ResidentBulkWriter writer;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final PiiSealer sealer;
    private final LedgerScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ResidentExcel(JdbcClient jdbc, ResidentBulkWriter writer, Jobs jobs, PlatformTransactionManager txManager,
                  PiiSealer sealer, LedgerScope scope, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
        this.sealer = sealer;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ledger of one place (or the whole scope) as xlsx, in household order. Audited. */
    @Transactional
    public byte[] export(String jurisdiction, String reason, Actor actor) {
        String place = scope.exportPlace(jurisdiction, reason, actor);
        LocalDate today = ShanghaiTime.today(clock);
        List<Line> lines = jdbc.sql("""
                        select h.jurisdiction_code, h.building, h.address, p.name_sealed, p.id_sealed, p.phone_sealed,
                               p.sex, p.birth_date, r.relation, r.residence, r.health, r.from_key_area, r.left_key_area_on,
                               r.moved_out_on
                        from resident r
                        join household h on h.id = r.household_id
                        join jurisdiction j on j.code = h.jurisdiction_code
                        join person_record p on p.id = r.record_id
                        where j.path <@ cast(:scope as ltree) and (cast(:place as text) is null or h.jurisdiction_code = :place)
                        order by h.jurisdiction_code, h.building, h.address, h.id, r.relation <> 'HEAD', r.id
                        """)
                .param("scope", actor.scopePath()).param("place", place)
                .query((rs, n) -> {
                    LocalDate birth = rs.getObject("birth_date", LocalDate.class);
                    return new Line(rs.getString(1), rs.getString(2), rs.getString(3), sealer.open(rs.getBytes(4)),
                            open(rs.getBytes(5)), open(rs.getBytes(6)), rs.getString(7),
                            birth == null ? null : Period.between(birth, today).getYears(),
                            Relation.valueOf(rs.getString(9)), Residence.valueOf(rs.getString(10)),
                            Health.valueOf(rs.getString(11)), rs.getBoolean(12), rs.getObject(13, LocalDate.class),
                            rs.getObject(14, LocalDate.class));
                }).list();
        audit.export("residents:" + (place == null ? actor.scopeCode() : place), lines.size(), reason);
        return ResidentWorkbook.write(lines);
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    /** Imports a file at once (the API); see {@link #importRows}. */
    @Transactional
    public ImportResult importXlsx(InputStream xlsx, boolean validRowsOnly, Actor actor) {
        return importRows(read(xlsx), validRowsOnly, actor, NO_PROGRESS);
    }

    /**
     * Imports a file in the background (pages): answers the job whose page shows the progress and
     * then the outcome. The file is read and checked and written in one transaction.
     */
    public UUID startImport(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        LedgerScope.requireWrite(actor);
        return jobs.start("residentImport", actor, "/households", progress -> {
            progress.phase("reading", 0);
            List<RawRow> rows = read(new ByteArrayInputStream(xlsx));
            return tx.execute(status -> importRows(rows, validRowsOnly, actor, progress));
        });
    }

    /** Reads a file as the resident ledger's rows; a file that is not such an xlsx names the file field. */
    static List<RawRow> read(InputStream xlsx) {
        List<RawRow> rows;
        try {
            rows = ResidentWorkbook.read(xlsx.readAllBytes());
        } catch (IOException e) {
            throw new FieldException("file", "validation.import.notXlsx");
        }
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new FieldException("file", "import.error.tooManyRows");
        }
        return rows;
    }

    /**
     * Checks every row, then writes the valid ones in one transaction, reporting progress: a file
     * with bad rows writes nothing unless {@code validRowsOnly}.
     */
    ImportResult importRows(List<RawRow> rows, boolean validRowsOnly, Actor actor, JobProgress progress) {
        LedgerScope.requireWrite(actor);
        ImportChecks checks = new ImportChecks(scope, actor, ShanghaiTime.today(clock));
        RowChecks.Checked<Member> checked = RowChecks.each(rows, row -> check(row, checks), progress)
                .orReject(validRowsOnly); // else nothing written
        writer.write(checked.valid(), actor, progress);
        return new ImportResult(checked.valid().size(), checked.errors().size(), checked.errors());
    }

    /** Checks one row as docs/rules.md says; the first fault is reported with its column. */
    private Member check(RawRow row, ImportChecks checks) {
        String place = checks.place(row.cell(0), ResidentWorkbook.HEADERS[0]);
        if (row.cell(2).isEmpty()) {
            throw new FieldException(ResidentWorkbook.HEADERS[2], "validation.household.address");
        }
        PersonRegistry.Checked who;
        try {
            who = PersonRegistry.check(new PersonIdentity(row.cell(3), row.cell(4), row.cell(5)));
        } catch (FieldException e) {
            String column = switch (e.field()) {
                case "name" -> ResidentWorkbook.HEADERS[3];
                case "phone" -> ResidentWorkbook.HEADERS[5];
                default -> ResidentWorkbook.HEADERS[4];
            };
            throw new FieldException(column, e.messageKey());
        }
        Relation relation = Workbooks.label(ResidentWorkbook.RELATIONS, row.cell(8))
                .orElseThrow(() -> new FieldException(ResidentWorkbook.HEADERS[8], "validation.resident.relation"));
        Residence residence = Workbooks.label(ResidentWorkbook.RESIDENCES, row.cell(9))
                .orElseThrow(() -> new FieldException(ResidentWorkbook.HEADERS[9], "validation.resident.residence"));
        Health health = row.cell(10).isEmpty() ? Health.HEALTHY : Workbooks.label(ResidentWorkbook.HEALTH, row.cell(10))
                .orElseThrow(() -> new FieldException(ResidentWorkbook.HEADERS[10], "validation.resident.health"));
        String key = row.cell(11);
        if (!key.isEmpty() && !key.equals("是") && !key.equals("否")) {
            throw new FieldException(ResidentWorkbook.HEADERS[11], "validation.import.yesNo");
        }
        LocalDate left = checks.day(row.cell(12), ResidentWorkbook.HEADERS[12]);
        LocalDate movedOut = checks.day(row.cell(13), ResidentWorkbook.HEADERS[13]);
        return new Member(place, row.cell(1), row.cell(2), who, relation, residence, health, key.equals("是"), left,
                movedOut);
    }
}
