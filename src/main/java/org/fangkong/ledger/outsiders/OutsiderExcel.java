package org.fangkong.ledger.outsiders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.fangkong.ledger.OutsiderRegistered;
import org.fangkong.ledger.OutsidersImported;
import org.fangkong.ledger.internal.ImportChecks;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.ledger.residents.ResidentExcel;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecordBatch;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outsider ledger (外来人员登记台账) in and out of Excel, like the resident ledger: the export has
 * the full identities (the grid worker's own ledger, audited as an export); the import takes the
 * same layout, checks every row as registering at the gate does, reports each bad row by number,
 * and writes nothing unless asked for the valid rows. A row for someone already registered in that
 * place with the same arrival date updates that registration; any other is a new registration
 * (announced per chunk as {@link OutsidersImported}). 是否来自重点地区 is worked out from the origin, as on the page.
 */
@Service
public class OutsiderExcel {

    public static final String[] HEADERS = OutsiderSheet.HEADERS;

    /** What an import wrote: new registrations, updated ones, and the rows skipped. */
    public record ImportResult(int written, int added, int updated, int rejected, List<RowError> errors) {
    }

    private record Valid(String place, PersonRegistry.Checked who, String origin, String originCode, LocalDate arrived,
                         LocalDate leftKeyArea, String address, String purpose, LocalDate leftOn) {
    }

    private final JdbcClient jdbc;
    private final PersonRecordBatch persons;
    private final PiiSealer sealer;
    private final LedgerScope scope;
    private final KeyAreas keyAreas;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutsiderExcel(JdbcClient jdbc, PersonRecordBatch persons, PiiSealer sealer, LedgerScope scope, KeyAreas keyAreas,
                  AuditTrail audit, ApplicationEventPublisher events, Jobs jobs, PlatformTransactionManager txManager,
                  Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.sealer = sealer;
        this.scope = scope;
        this.keyAreas = keyAreas;
        this.audit = audit;
        this.events = events;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Every outsider in scope (or of one place) with full identities, in arrival order. Audited. */
    @Transactional
    public byte[] export(String jurisdiction, String reason, Actor actor) {
        String place = scope.exportPlace(jurisdiction, reason, actor);
        List<Object[]> rows = jdbc.sql("""
                        select o.jurisdiction_code, p.name_sealed, p.id_sealed, p.phone_sealed, o.origin, o.origin_code,
                               o.from_key_area, o.arrived_on, o.left_key_area_on, o.address, o.purpose, o.left_on
                        from outsider o
                        join jurisdiction j on j.code = o.jurisdiction_code
                        join person_record p on p.id = o.record_id
                        where j.path <@ cast(:scope as ltree) and (cast(:place as text) is null or o.jurisdiction_code = :place)
                        order by o.jurisdiction_code, o.arrived_on, o.id
                        """)
                .param("scope", actor.scopePath()).param("place", place)
                .query((rs, n) -> new Object[] {rs.getString(1), sealer.open(rs.getBytes(2)), open(rs.getBytes(3)),
                        open(rs.getBytes(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7) ? "是" : "否",
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getString(11), rs.getObject(12, LocalDate.class)})
                .list();
        audit.export("outsiders:" + (place == null ? actor.scopeCode() : place), rows.size(), reason);
        return Workbooks.sheet("外来人员登记台账", HEADERS, rows, r -> r);
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    /** Imports a file at once (the API). */
    @Transactional
    public ImportResult importXlsx(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        return importRows(read(xlsx), validRowsOnly, actor, null);
    }

    /** Imports a file in the background (pages): answers the job whose page shows progress and outcome. */
    public UUID startImport(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        LedgerScope.requireWrite(actor);
        return jobs.start("outsiderImport", actor, "/outsiders", progress -> {
            progress.phase("reading", 0);
            List<RawRow> rows = read(xlsx);
            return tx.execute(status -> importRows(rows, validRowsOnly, actor, progress));
        });
    }

    private static List<RawRow> read(byte[] xlsx) {
        List<RawRow> rows;
        rows = Workbooks.read(xlsx, HEADERS.length, c -> c == 7 || c == 8 || c == 11);
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        if (rows.size() > ResidentExcel.MAX_ROWS) {
            throw new FieldException("file", "import.error.tooManyRows");
        }
        return rows;
    }

    private ImportResult importRows(List<RawRow> rows, boolean validRowsOnly, Actor actor, JobProgress progress) {
        LedgerScope.requireWrite(actor);
        ImportChecks checks = new ImportChecks(scope, actor, ShanghaiTime.today(clock));
        RowChecks.Checked<Valid> checked = RowChecks.each(rows, row -> check(row, checks), progress)
                .orReject(validRowsOnly);
        List<Valid> valid = checked.valid();
        List<RowError> errors = checked.errors();
        if (progress != null) {
            progress.phase("writing", valid.size());
        }
        int added = 0;
        for (int from = 0; from < valid.size(); from += Workbooks.CHUNK) {
            List<Valid> chunk = valid.subList(from, Math.min(valid.size(), from + Workbooks.CHUNK));
            PersonRecords.Enrolled[] people = persons.enrolAll(chunk.stream().map(Valid::who).toList(),
                    chunk.stream().map(Valid::place).toList(), PersonRecords.Source.OUTSIDER);
            Map<String, Long> registered = registered(chunk, people);
            List<OutsiderRegistered> arrivals = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Valid v = chunk.get(i);
                String key = v.place() + '|' + people[i].personId() + '|' + v.arrived();
                Long existing = registered.get(key);
                boolean keyArea = keyAreas.includes(v.originCode(), v.origin());
                long id = write(v, people[i], existing, keyArea, actor);
                registered.put(key, id); // a later row of the file updates it
                if (existing == null) {
                    added++;
                    arrivals.add(new OutsiderRegistered(id, people[i].personId(), people[i].recordId(), v.place(), v.origin(),
                            v.originCode(), keyArea, v.arrived(), v.leftKeyArea(), null));
                }
            }
            if (!arrivals.isEmpty()) {
                // one event per chunk: observation opens a chunk's orders in one transaction, not one per row
                events.publishEvent(new OutsidersImported(arrivals));
            }
            if (progress != null) {
                progress.done(from + chunk.size());
            }
        }
        return new ImportResult(valid.size(), added, valid.size() - added, errors.size(), errors);
    }

    /**
     * The registrations already there for the chunk's people, place and arrival day, by
     * {@code place|person|day}: one set-based statement per chunk. (A look-up per row was planned
     * once against a table still empty by its statistics and then scanned it whole for every row of
     * a first large import.)
     */
    private Map<String, Long> registered(List<Valid> chunk, PersonRecords.Enrolled[] people) {
        Map<String, Long> found = new HashMap<>();
        // by person alone (at worst one pass over the table per chunk, whatever the plan), the rest in memory
        jdbc.sql("""
                        select jurisdiction_code, person_id, arrived_on, id from outsider
                        where person_id = any(cast(:p as bigint[])) order by id
                        """)
                .param("p", Arrays.stream(people).map(PersonRecords.Enrolled::personId).distinct().toArray(Long[]::new))
                .query((rs, n) -> found.putIfAbsent(rs.getString(1) + '|' + rs.getLong(2) + '|' + rs.getObject(3, LocalDate.class),
                        rs.getLong(4)))
                .list();
        return found;
    }

    /** Updates the registration {@code existing} of this person, place and arrival day, or registers them; its id. */
    private long write(Valid v, PersonRecords.Enrolled who, Long existing, boolean keyArea, Actor actor) {
        long person = who.personId();
        int updated = existing == null ? 0 : jdbc.sql("""
                        update outsider set record_id = :rec, origin = :origin, origin_code = :code, from_key_area = :key,
                                            left_key_area_on = :leftKey, address = :address, purpose = :purpose, left_on = :leftOn
                        where id = :id
                        """)
                .param("id", existing).param("rec", who.recordId())
                .param("origin", v.origin()).param("code", v.originCode()).param("key", keyArea)
                .param("leftKey", v.leftKeyArea()).param("address", v.address()).param("purpose", v.purpose())
                .param("leftOn", v.leftOn()).update();
        if (updated > 0) {
            return existing;
        }
        long id = jdbc.sql("""
                        insert into outsider (jurisdiction_code, person_id, record_id, origin, origin_code, from_key_area,
                                              arrived_on, left_key_area_on, address, purpose, left_on, created_by)
                        values (:j, :p, :rec, :origin, :code, :key, :arrived, :leftKey, :address, :purpose, :leftOn, :by) returning id
                        """)
                .param("p", person).param("j", v.place()).param("arrived", v.arrived()).param("origin", v.origin())
                .param("code", v.originCode()).param("key", keyArea).param("leftKey", v.leftKeyArea())
                .param("address", v.address()).param("purpose", v.purpose()).param("leftOn", v.leftOn())
                .param("rec", who.recordId()).param("by", actor.username()).query(Long.class).single();
        return id;
    }

    /** Checks one row as registering an outsider does; the first fault is reported with its column. */
    private Valid check(RawRow row, ImportChecks checks) {
        String place = checks.place(row.cell(0), HEADERS[0]);
        PersonRegistry.Checked who;
        try {
            who = PersonRegistry.check(new PersonIdentity(row.cell(1), row.cell(2), row.cell(3)));
        } catch (FieldException e) {
            throw new FieldException(switch (e.field()) {
                case "name" -> HEADERS[1];
                case "phone" -> HEADERS[3];
                default -> HEADERS[2];
            }, e.messageKey());
        }
        if (row.cell(4).isEmpty()) {
            throw new FieldException(HEADERS[4], "validation.outsider.origin");
        }
        String code = row.cell(5).isEmpty() ? null : row.cell(5);
        if (code != null && !code.matches("\\d{2,12}")) {
            throw new FieldException(HEADERS[5], "validation.outsider.originCode");
        }
        LocalDate arrived = checks.day(row.cell(7), HEADERS[7]);
        if (arrived == null) {
            throw new FieldException(HEADERS[7], "validation.outsider.arrivedOn");
        }
        LocalDate leftKeyArea = checks.day(row.cell(8), HEADERS[8]);
        if (leftKeyArea != null && leftKeyArea.isAfter(arrived)) {
            throw new FieldException(HEADERS[8], "validation.outsider.leftKeyAreaOn");
        }
        if (row.cell(9).isEmpty()) {
            throw new FieldException(HEADERS[9], "validation.household.address");
        }
        LocalDate leftOn = checks.day(row.cell(11), HEADERS[11]);
        if (leftOn != null && leftOn.isBefore(arrived)) {
            throw new FieldException(HEADERS[11], "validation.outsider.leftOn");
        }
        return new Valid(place, who, row.cell(4), code, arrived, leftKeyArea, row.cell(9), row.cell(10), leftOn);
    }
}
