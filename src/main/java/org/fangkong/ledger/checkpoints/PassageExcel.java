package org.fangkong.ledger.checkpoints;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.fangkong.common.web.RowsRejected;
import org.fangkong.ledger.internal.ImportChecks;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecordBatch;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A checkpoint's passage log (卡口登记台账) in and out of Excel: the export has full identities
 * (audited), and the same layout comes back in, e.g. a paper ledger typed up after a shift. Every
 * row is checked as at the gate (a fever on entry is refused and alerts the township); a passage
 * already in the log is not written twice, so the round trip is lossless. 本村居民 and 处置 are
 * worked out, as at the gate.
 */
@Service
public class PassageExcel {

    public static final String[] HEADERS = PassageWorkbook.HEADERS;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-M-d H:mm");

    /** What an import wrote. */
    public record ImportResult(int written, int rejected, List<RowError> errors) {
    }

    private final JdbcClient jdbc;
    private final PassageLog log;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final PersonRecordBatch persons;
    private final PersonRecords records;

    PassageExcel(JdbcClient jdbc, PassageLog log, PiiSealer sealer, AuditTrail audit, Clock clock, Jobs jobs,
                 PlatformTransactionManager txManager, PersonRecordBatch persons, PersonRecords records) {
        this.persons = persons;
        this.records = records;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
        this.jdbc = jdbc;
        this.log = log;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The log of days {@code from}..{@code to} (default today) with full identities, as xlsx. Audited. */
    @Transactional
    public byte[] export(long checkpointId, LocalDate from, LocalDate to, String reason, Actor actor) {
        LedgerScope.requireWrite(actor);
        log.checkpoint(checkpointId, actor); // 404 outside the scope comes before any check of the request
        AuditTrail.requireReason(reason);
        LocalDate first = from == null ? ShanghaiTime.today(clock) : from;
        LocalDate last = to == null ? first : to;
        List<Object[]> rows = jdbc.sql("""
                        select s.at, s.direction, p.name_sealed, p.id_sealed, p.phone_sealed, s.resident, s.origin, s.host,
                               s.purpose, s.plate, s.temperature, s.refused, s.recorded_by
                        from passage s join person_record p on p.id = s.record_id
                        where s.checkpoint_id = :c and s.at >= :from and s.at < :to
                        order by s.at, s.id
                        """)
                .param("c", checkpointId).param("from", Timestamp.from(ShanghaiTime.startOf(first)))
                .param("to", Timestamp.from(ShanghaiTime.startOf(last.plusDays(1))))
                .query((rs, n) -> new Object[] {LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), ShanghaiTime.ZONE),
                        "IN".equals(rs.getString(2)) ? "进" : "出", sealer.open(rs.getBytes(3)), open(rs.getBytes(4)),
                        open(rs.getBytes(5)), rs.getBoolean(6) ? "是" : "否", rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getBigDecimal(11), rs.getBoolean(12) ? "禁止进入" : "",
                        rs.getString(13)})
                .list();
        audit.export("passages:checkpoint:" + checkpointId + " " + first + ".." + last, rows.size(), reason);
        return Workbooks.sheet("卡口登记台账", HEADERS, rows, r -> r);
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    /** The export's layout back into this checkpoint's log; any bad row and not {@code validRowsOnly}: nothing written. */
    @Transactional
    public ImportResult importXlsx(long checkpointId, byte[] xlsx, boolean validRowsOnly, Actor actor) {
        return importRows(checkpointId, xlsx, validRowsOnly, actor, null);
    }

    /** Imports in the background (pages): answers the job whose page shows progress and outcome. */
    public UUID startImport(long checkpointId, byte[] xlsx, boolean validRowsOnly, Actor actor) {
        LedgerScope.requireWrite(actor);
        log.checkpoint(checkpointId, actor);
        return jobs.start("passageImport", actor, "/checkpoints/" + checkpointId,
                progress -> tx.execute(status -> importRows(checkpointId, xlsx, validRowsOnly, actor, progress)));
    }

    private ImportResult importRows(long checkpointId, byte[] xlsx, boolean validRowsOnly, Actor actor, JobProgress progress) {
        LedgerScope.requireWrite(actor);
        Checkpoint checkpoint = log.checkpoint(checkpointId, actor);
        List<RawRow> rows;
        rows = Workbooks.read(xlsx, HEADERS.length, c -> c == 0);
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        RowChecks.Checked<Line> checked = RowChecks.each(rows, row -> line(row, actor), PassageExcel::column, progress);
        List<Line> lines = checked.valid();
        List<RowError> errors = new ArrayList<>(checked.errors()); // and the unknown people found while writing
        if (progress != null) {
            progress.phase("writing", lines.size());
        }
        int written = 0;
        for (int from = 0; from < lines.size(); from += Workbooks.CHUNK) {
            List<Line> chunk = lines.subList(from, Math.min(lines.size(), from + Workbooks.CHUNK));
            // newcomers with a name are registered; someone given by ID card or phone alone must be known
            List<Line> named = chunk.stream().filter(Line::named).toList();
            List<Line> known = chunk.stream().filter(l -> !l.named()).toList();
            PersonRecords.Enrolled[] namedIds = persons.enrolAll(named.stream().map(Line::who).toList(),
                    named.stream().map(l -> checkpoint.jurisdictionCode()).toList(), PersonRecords.Source.PASSAGE);
            PersonRecords.Enrolled[] knownIds = records.findAllInScope(known.stream().map(Line::who).toList(), actor.scopePath());
            for (int i = 0; i < named.size(); i++) {
                Line l = named.get(i);
                log.insert(checkpoint, namedIds[i], l.entry(), l.form(), l.at(), l.recordedBy());
                written++;
            }
            for (int i = 0; i < known.size(); i++) {
                Line l = known.get(i);
                if (knownIds[i] == null) {
                    errors.add(new RowError(l.row(), HEADERS[2], "validation.passage.unknownPerson"));
                    continue;
                }
                log.insert(checkpoint, knownIds[i], l.entry(), l.form(), l.at(), l.recordedBy());
                written++;
            }
            if (progress != null) {
                progress.done(from + chunk.size());
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row));
        if (!errors.isEmpty() && !validRowsOnly) {
            throw new RowsRejected(errors); // rolls back every row written above
        }
        return new ImportResult(written, errors.size(), errors);
    }

    /** A row checked as at the gate, with the person to find (by ID card or phone) or to register (with a name). */
    private record Line(int row, Instant at, PassageLog.Entry entry, PassageForm form, PersonRegistry.Checked who,
                        boolean named, String recordedBy) {
    }

    private Line line(RawRow row, Actor actor) {
        Instant at = time(row.cell(0));
        String direction = switch (row.cell(1)) {
            case "进" -> "IN";
            case "出" -> "OUT";
            default -> throw new FieldException(HEADERS[1], "validation.passage.direction");
        };
        BigDecimal temperature;
        try {
            temperature = new BigDecimal(row.cell(10));
        } catch (NumberFormatException e) {
            throw new FieldException(HEADERS[10], "validation.passage.temperature");
        }
        PassageForm form = new PassageForm(direction, row.cell(2), row.cell(3), row.cell(4), row.cell(6), row.cell(7),
                row.cell(8), row.cell(9), temperature);
        PassageLog.Entry entry = PassageLog.entry(form);
        boolean named = !row.cell(2).isEmpty();
        PersonRegistry.Checked who = named ? PersonRegistry.check(new PersonIdentity(row.cell(2), row.cell(3), row.cell(4)))
                : PersonRegistry.contact(row.cell(3), row.cell(4));
        return new Line(row.number(), at, entry, form, who, named, row.cell(12).isEmpty() ? actor.username() : row.cell(12));
    }

    private Instant time(String text) {
        try {
            Instant at = LocalDateTime.parse(text.replace('/', '-').replace('T', ' '), TIME).atZone(ShanghaiTime.ZONE).toInstant();
            if (at.isAfter(clock.instant())) {
                throw new FieldException(HEADERS[0], "validation.import.futureDate");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new FieldException(HEADERS[0], "validation.passage.time");
        }
    }

    /** The Chinese column of a field named by the gate's checks. */
    private static String column(String field) {
        return switch (field) {
            case "name" -> HEADERS[2];
            case "idNumber" -> HEADERS[3];
            case "phone" -> HEADERS[4];
            case "temperature" -> HEADERS[10];
            case "direction" -> HEADERS[1];
            default -> field;
        };
    }
}
