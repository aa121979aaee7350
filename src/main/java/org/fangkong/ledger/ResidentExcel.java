package org.fangkong.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected;
import org.fangkong.common.web.RowsRejected.RowError;
import org.fangkong.ledger.LedgerEnums.Health;
import org.fangkong.ledger.LedgerEnums.Relation;
import org.fangkong.ledger.LedgerEnums.Residence;
import org.fangkong.ledger.ResidentWorkbook.Line;
import org.fangkong.ledger.ResidentWorkbook.RawRow;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private record Valid(int row, String place, String building, String address, PersonRegistry.Checked who,
                         Relation relation, Residence residence, Health health, boolean keyArea, LocalDate left,
                         LocalDate movedOut) {
    }

    private final JdbcClient jdbc;
    private final PersonRegistry persons;
    private final PiiSealer sealer;
    private final LedgerScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ResidentExcel(JdbcClient jdbc, PersonRegistry persons, PiiSealer sealer, LedgerScope scope, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.sealer = sealer;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ledger of one place (or the whole scope) as xlsx, in household order. Audited. */
    @Transactional
    public byte[] export(String jurisdiction, String reason, Actor actor) {
        LedgerScope.requireWrite(actor);
        String place = jurisdiction == null || jurisdiction.isBlank() ? null : scope.place(jurisdiction, actor, "jurisdiction").code();
        LocalDate today = ShanghaiTime.today(clock);
        List<Line> lines = jdbc.sql("""
                        select h.jurisdiction_code, h.building, h.address, p.name_sealed, p.id_sealed, p.phone_sealed,
                               p.sex, p.birth_date, r.relation, r.residence, r.health, r.from_key_area, r.left_key_area_on,
                               r.moved_out_on
                        from resident r
                        join household h on h.id = r.household_id
                        join jurisdiction j on j.code = h.jurisdiction_code
                        join person p on p.id = r.person_id
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
        audit.export("residents:" + (place == null ? actor.scopeCode() : place) + " rows:" + lines.size(), reason);
        return ResidentWorkbook.write(lines);
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    @Transactional
    public ImportResult importXlsx(InputStream xlsx, boolean validRowsOnly, Actor actor) {
        LedgerScope.requireWrite(actor);
        List<RawRow> rows;
        try {
            rows = ResidentWorkbook.read(xlsx);
        } catch (IOException | RuntimeException e) {
            throw new FieldException("file", "validation.import.notXlsx");
        }
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        List<RowError> errors = new ArrayList<>();
        List<Valid> valid = new ArrayList<>();
        Map<String, Boolean> places = new HashMap<>();
        for (RawRow row : rows) {
            try {
                valid.add(check(row, places, actor));
            } catch (FieldException e) {
                errors.add(new RowError(row.number(), e.field(), e.messageKey()));
            }
        }
        if (!errors.isEmpty() && !validRowsOnly) {
            throw new RowsRejected(errors); // nothing written
        }
        Map<String, Long> households = new HashMap<>();
        for (Valid v : valid) {
            long household = households.computeIfAbsent(v.place() + "\u0000" + v.building() + "\u0000" + v.address(),
                    k -> household(v, actor));
            long person = persons.resolve(v.who());
            int updated = jdbc.sql("""
                            update resident set relation = :rel, residence = :res, health = :health, from_key_area = :key,
                                                left_key_area_on = :left, moved_out_on = :out, updated_at = now()
                            where household_id = :h and person_id = :p and moved_out_on is null
                            """)
                    .param("h", household).param("p", person).param("rel", v.relation().name())
                    .param("res", v.residence().name()).param("health", v.health().name()).param("key", v.keyArea())
                    .param("left", v.left()).param("out", v.movedOut()).update();
            if (updated == 0) {
                jdbc.sql("""
                                insert into resident (household_id, person_id, relation, residence, health, from_key_area,
                                                      left_key_area_on, moved_out_on)
                                values (:h, :p, :rel, :res, :health, :key, :left, :out)
                                """)
                        .param("h", household).param("p", person).param("rel", v.relation().name())
                        .param("res", v.residence().name()).param("health", v.health().name()).param("key", v.keyArea())
                        .param("left", v.left()).param("out", v.movedOut()).update();
            }
        }
        return new ImportResult(valid.size(), errors.size(), errors);
    }

    private long household(Valid v, Actor actor) {
        return jdbc.sql("""
                        select id from household where jurisdiction_code = :j and building = :b and address = :a
                        order by id limit 1
                        """)
                .param("j", v.place()).param("b", v.building()).param("a", v.address()).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                insert into household (jurisdiction_code, building, address, created_by)
                                values (:j, :b, :a, :by) returning id
                                """)
                        .param("j", v.place()).param("b", v.building()).param("a", v.address()).param("by", actor.username())
                        .query(Long.class).single());
    }

    /** Checks one row as RULES.md says; the first fault is reported with its column. */
    private Valid check(RawRow row, Map<String, Boolean> places, Actor actor) {
        String place = row.cell(0);
        boolean inScope = places.computeIfAbsent(place, code -> {
            try {
                scope.place(code, actor, "jurisdiction");
                return true;
            } catch (FieldException e) {
                return false;
            }
        });
        if (!inScope) {
            throw new FieldException(ResidentWorkbook.HEADERS[0], "validation.ledger.jurisdiction");
        }
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
        Relation relation = ResidentWorkbook.label(ResidentWorkbook.RELATIONS, row.cell(8))
                .orElseThrow(() -> new FieldException(ResidentWorkbook.HEADERS[8], "validation.resident.relation"));
        Residence residence = ResidentWorkbook.label(ResidentWorkbook.RESIDENCES, row.cell(9))
                .orElseThrow(() -> new FieldException(ResidentWorkbook.HEADERS[9], "validation.resident.residence"));
        Health health = row.cell(10).isEmpty() ? Health.HEALTHY : ResidentWorkbook.label(ResidentWorkbook.HEALTH, row.cell(10))
                .orElseThrow(() -> new FieldException(ResidentWorkbook.HEADERS[10], "validation.resident.health"));
        String key = row.cell(11);
        if (!key.isEmpty() && !key.equals("是") && !key.equals("否")) {
            throw new FieldException(ResidentWorkbook.HEADERS[11], "validation.import.yesNo");
        }
        LocalDate left = date(row.cell(12), 12);
        LocalDate movedOut = date(row.cell(13), 13);
        return new Valid(row.number(), place, row.cell(1), row.cell(2), who, relation, residence, health, key.equals("是"),
                left, movedOut);
    }

    private LocalDate date(String text, int column) {
        try {
            LocalDate d = ResidentWorkbook.dateOrNull(text);
            if (d != null && d.isAfter(ShanghaiTime.today(clock))) {
                throw new FieldException(ResidentWorkbook.HEADERS[column], "validation.import.futureDate");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new FieldException(ResidentWorkbook.HEADERS[column], "validation.import.date");
        }
    }
}
