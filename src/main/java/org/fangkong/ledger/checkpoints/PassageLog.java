package org.fangkong.ledger.checkpoints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.ledger.internal.LedgerEnums.CheckpointKind;
import org.fangkong.ledger.internal.LedgerEnums.Direction;
import org.fangkong.ledger.internal.LedgerEnums;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints and their passage log (docs/rules.md "Checkpoints"). The time of a passage is the
 * server's. A temperature of 37.3 ℃ or more on entry refuses entry and raises an alert to the
 * township in the same transaction (the township's alert list).
 */
@Service
public class PassageLog {

    /** docs/rules.md: fever is 37.3 ℃ or more. */
    public static final BigDecimal FEVER = new BigDecimal("37.3");

    private static final String CHECKPOINTS = """
            select c.id, c.jurisdiction_code, j.name as jurisdiction_name, c.name, c.kind, c.location, c.closed_at
            from checkpoint c join jurisdiction j on j.code = c.jurisdiction_code
            where j.path <@ cast(:scope as ltree)
            """;
    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, n) -> new Checkpoint(rs.getLong("id"),
            rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getString("name"),
            CheckpointKind.valueOf(rs.getString("kind")), rs.getString("location"),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
    private static final String PASSAGES = """
            select s.id, s.checkpoint_id, s.at, s.direction, s.person_id, p.name_masked, p.id_masked, p.phone_masked,
                   s.resident, s.origin, s.host, s.purpose, s.plate, s.temperature, s.refused, a.id as alert_id, s.recorded_by
            from passage s
            join checkpoint c on c.id = s.checkpoint_id
            join jurisdiction j on j.code = c.jurisdiction_code
            join person_record p on p.id = s.record_id
            left join checkpoint_alert a on a.passage_id = s.id
            where j.path <@ cast(:scope as ltree)
            """;
    private static final RowMapper<Passage> PASSAGE = (rs, n) -> new Passage(rs.getLong("id"), rs.getLong("checkpoint_id"),
            rs.getTimestamp("at").toInstant(), Direction.valueOf(rs.getString("direction")), rs.getLong("person_id"),
            rs.getString("name_masked"), rs.getString("id_masked"), rs.getString("phone_masked"), rs.getBoolean("resident"),
            rs.getString("origin"), rs.getString("host"), rs.getString("purpose"), rs.getString("plate"),
            rs.getBigDecimal("temperature"), rs.getBoolean("refused"), (Long) rs.getObject("alert_id", Long.class),
            rs.getString("recorded_by"));

    private final JdbcClient jdbc;
    private final PersonRecords records;
    private final LedgerScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    PassageLog(JdbcClient jdbc, PersonRecords records, LedgerScope scope, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Checkpoint createCheckpoint(String jurisdiction, String name, String kind, String location, Actor actor) {
        LedgerScope.requireWrite(actor);
        scope.place(jurisdiction, actor, "jurisdiction");
        if (name == null || name.isBlank()) {
            throw new FieldException("name", "validation.checkpoint.name");
        }
        CheckpointKind k = LedgerEnums.parse(CheckpointKind.class, kind, "kind", "validation.checkpoint.kind");
        long id = jdbc.sql("""
                        insert into checkpoint (jurisdiction_code, name, kind, location, created_by)
                        values (:j, :name, :kind, :loc, :by) returning id
                        """)
                .param("j", jurisdiction.strip()).param("name", name.strip()).param("kind", k.name())
                .param("loc", location == null ? "" : location.strip()).param("by", actor.username())
                .query(Long.class).single();
        return checkpoint(id, actor);
    }

    @Transactional(readOnly = true)
    public Checkpoint checkpoint(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(CHECKPOINTS + " and c.id = :id").param("scope", actor.scopePath()).param("id", id)
                .query(CHECKPOINT).optional().orElseThrow(() -> new NotFoundException("checkpoint"));
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> checkpoints(Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(CHECKPOINTS + " order by c.closed_at nulls first, j.code, c.name")
                .param("scope", actor.scopePath()).query(CHECKPOINT).list();
    }

    /** Records a passage now; a fever on entry refuses entry and alerts the township. */
    @Transactional
    public Passage record(long checkpointId, PassageForm form, Actor actor) {
        LedgerScope.requireWrite(actor);
        Checkpoint checkpoint = checkpoint(checkpointId, actor);
        if (checkpoint.closedAt() != null) {
            throw new FieldException("checkpoint", "validation.checkpoint.closed");
        }
        return passage(write(checkpoint, form, clock.instant(), actor.username(), actor.scopePath()), actor);
    }

    /**
     * Checks and writes one passage at {@code at} (now at the gate; the paper ledger's time on an
     * import). An entry with a fever is refused and raises the township's alert. Answers its id;
     * a passage already in the log (same checkpoint, minute, direction and person) is not written twice:
     * a ledger's times are to the minute.
     */
    long write(Checkpoint checkpoint, PassageForm form, Instant at, String recordedBy, String scopePath) {
        Entry entry = entry(form);
        // a resident (or anyone seen before) is found by ID card or phone alone; a newcomer gives a name
        // (only by what this scope recorded: the gate's own village and what lies around it in the scope)
        PersonRecords.Enrolled who = form.name() == null || form.name().isBlank()
                ? records.findInScope(form.idNumber(), form.phone(), scopePath)
                        .orElseThrow(() -> new FieldException("name", "validation.passage.unknownPerson"))
                : records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()), checkpoint.jurisdictionCode(),
                        PersonRecords.Source.PASSAGE);
        return insert(checkpoint, who, entry, form, at, recordedBy);
    }

    /**
     * A fever found elsewhere in a village (an enterprise's daily staff check) entered at the
     * village's check point of that name, made on first use, so that it is logged and raises the
     * township's alert exactly as at a gate. For the module's trusted callers: the caller has checked
     * who may report it. Answers the passage's id.
     */
    @Transactional
    public long recordElsewhere(String village, String pointName, PersonIdentity who, BigDecimal temperature, Instant at,
                                String recordedBy) {
        String path = jdbc.sql("select path::text from jurisdiction where code = :j").param("j", village).query(String.class).single();
        long id = jdbc.sql("""
                        select id from checkpoint where jurisdiction_code = :j and name = :n and kind = 'OTHER' and closed_at is null
                        order by id limit 1
                        """).param("j", village).param("n", pointName).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                insert into checkpoint (jurisdiction_code, name, kind, location, created_by)
                                values (:j, :n, 'OTHER', '', :by) returning id
                                """).param("j", village).param("n", pointName).param("by", recordedBy).query(Long.class).single());
        Checkpoint checkpoint = jdbc.sql(CHECKPOINTS + " and c.id = :id").param("scope", path).param("id", id).query(CHECKPOINT).single();
        return write(checkpoint, new PassageForm("IN", who.name(), who.idNumber(), who.phone(), "", "", pointName, "", temperature),
                at, recordedBy, path);
    }

    /** Direction and temperature as checked at the gate. */
    record Entry(Direction direction, BigDecimal temperature) {
        boolean fever() {
            return direction == Direction.IN && temperature.compareTo(FEVER) >= 0;
        }
    }

    static Entry entry(PassageForm form) {
        Direction direction = LedgerEnums.parse(Direction.class, form.direction(), "direction", "validation.passage.direction");
        BigDecimal temperature = form.temperature();
        if (temperature == null || temperature.compareTo(new BigDecimal("30.0")) < 0
                || temperature.compareTo(new BigDecimal("45.0")) > 0) {
            throw new FieldException("temperature", "validation.passage.temperature");
        }
        return new Entry(direction, temperature.setScale(1, RoundingMode.HALF_UP));
    }

    /**
     * One statement: the passage with its resident flag, unless the log has it already (same
     * minute, direction and person); then the township's alert for a fever on entry.
     */
    long insert(Checkpoint checkpoint, PersonRecords.Enrolled who, Entry entry, PassageForm form, Instant at, String recordedBy) {
        long personId = who.personId();
        Optional<Long> inserted = jdbc.sql("""
                        insert into passage (checkpoint_id, at, direction, person_id, record_id, resident, origin, host, purpose,
                                             plate, temperature, refused, recorded_by)
                        select :c, :at, :dir, :p, :rec,
                               exists (select 1 from resident r join household h on h.id = r.household_id
                                       join jurisdiction j on j.code = h.jurisdiction_code
                                       join jurisdiction cj on cj.code = :village
                                       where r.person_id = :p and r.moved_out_on is null
                                         and (j.path <@ cj.path or cj.path <@ j.path)),
                               :origin, :host, :purpose, :plate, :t, :refused, :by
                        where not exists (select 1 from passage where checkpoint_id = :c and direction = :dir and person_id = :p
                                            and at >= date_trunc('minute', cast(:at as timestamptz))
                                            and at < date_trunc('minute', cast(:at as timestamptz)) + interval '1 minute')
                        returning id
                        """)
                .param("c", checkpoint.id()).param("at", Timestamp.from(at)).param("dir", entry.direction().name())
                .param("p", personId).param("rec", who.recordId()).param("village", checkpoint.jurisdictionCode()).param("origin", text(form.origin()))
                .param("host", text(form.host())).param("purpose", text(form.purpose()))
                .param("plate", text(form.plate()).toUpperCase()).param("t", entry.temperature()).param("refused", entry.fever())
                .param("by", recordedBy).query(Long.class).optional();
        if (inserted.isEmpty()) {
            return jdbc.sql("""
                            select id from passage where checkpoint_id = :c and direction = :dir and person_id = :p
                              and at >= date_trunc('minute', cast(:at as timestamptz))
                              and at < date_trunc('minute', cast(:at as timestamptz)) + interval '1 minute'
                            order by id limit 1
                            """).param("c", checkpoint.id()).param("at", Timestamp.from(at))
                    .param("dir", entry.direction().name()).param("p", personId).query(Long.class).single();
        }
        long id = inserted.get();
        if (entry.fever()) {
            jdbc.sql("insert into checkpoint_alert (passage_id, raised_at) values (:p, :at)")
                    .param("p", id).param("at", Timestamp.from(at)).update();
        }
        return id;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    @Transactional(readOnly = true)
    public Passage passage(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(PASSAGES + " and s.id = :id").param("scope", actor.scopePath()).param("id", id)
                .query(PASSAGE).optional().orElseThrow(() -> new NotFoundException("passage"));
    }

    /** The full name, ID number and phone of whoever passed; needs a reason, audited as a reveal. */
    @Transactional
    public PersonIdentity reveal(long id, String reason, Actor actor) {
        LedgerScope.requireWrite(actor);
        passage(id, actor);
        long record = jdbc.sql("select record_id from passage where id = :id").param("id", id).query(Long.class).single();
        return records.reveal(record, LedgerScope.reason(reason));
    }

    /** One checkpoint's log for one Asia/Shanghai day, in time order: the day's sheet. */
    @Transactional(readOnly = true)
    public List<Passage> day(long checkpointId, LocalDate day, Actor actor) {
        checkpoint(checkpointId, actor);
        return rows(checkpointId, day == null ? ShanghaiTime.today(clock) : day, actor);
    }

    /** The day's rows, scoped in SQL; the caller has already found the checkpoint in scope. */
    private List<Passage> rows(long checkpointId, LocalDate d, Actor actor) {
        return jdbc.sql(PASSAGES + " and s.checkpoint_id = :c and s.at >= :from and s.at < :to order by s.at, s.id")
                .param("scope", actor.scopePath()).param("c", checkpointId)
                .param("from", Timestamp.from(ShanghaiTime.startOf(d))).param("to", Timestamp.from(ShanghaiTime.startOf(d.plusDays(1))))
                .query(PASSAGE).list();
    }

    /** The day's log as a printable A4 sheet (PDF). */
    @Transactional(readOnly = true)
    public byte[] daySheet(long checkpointId, LocalDate day, Actor actor) {
        LocalDate d = day == null ? ShanghaiTime.today(clock) : day;
        return PassageSheet.pdf(checkpoint(checkpointId, actor), d, rows(checkpointId, d, actor));
    }

    /** The day's log as xlsx (masked, as on screen). */
    @Transactional(readOnly = true)
    public byte[] dayWorkbook(long checkpointId, LocalDate day, Actor actor) {
        return PassageWorkbook.xlsx(day(checkpointId, day, actor));
    }

    /** The township's alert list: fevers at checkpoints in scope, open ones first. */
    @Transactional(readOnly = true)
    public List<CheckpointAlert> alerts(boolean openOnly, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql("""
                        select a.id, a.passage_id, c.name as checkpoint_name, c.jurisdiction_code, j.name as jurisdiction_name,
                               p.name_masked, p.id_masked, p.phone_masked, s.temperature, a.raised_at, a.handled_at,
                               a.handled_by, a.note
                        from checkpoint_alert a
                        join passage s on s.id = a.passage_id
                        join checkpoint c on c.id = s.checkpoint_id
                        join jurisdiction j on j.code = c.jurisdiction_code
                        join person_record p on p.id = s.record_id
                        where j.path <@ cast(:scope as ltree) and (not :open or a.handled_at is null)
                        order by a.handled_at nulls first, a.raised_at desc
                        limit 500
                        """)
                .param("scope", actor.scopePath()).param("open", openOnly)
                .query((rs, n) -> new CheckpointAlert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                        rs.getString(12), rs.getString(13)))
                .list();
    }

    /** Records what was done about an alert (sent to the fever clinic, ruled out...); audited. */
    @Transactional
    public void handle(long alertId, String note, Actor actor) {
        LedgerScope.requireWrite(actor);
        if (note == null || note.isBlank()) {
            throw new FieldException("note", "validation.reason.required");
        }
        int updated = jdbc.sql("""
                        update checkpoint_alert a set handled_at = now(), handled_by = :by, note = :note
                        from passage s join checkpoint c on c.id = s.checkpoint_id join jurisdiction j on j.code = c.jurisdiction_code
                        where a.id = :id and s.id = a.passage_id and j.path <@ cast(:scope as ltree) and a.handled_at is null
                        """)
                .param("id", alertId).param("by", actor.username()).param("note", note.strip())
                .param("scope", actor.scopePath()).update();
        if (updated == 0) {
            throw new NotFoundException("alert");
        }
        audit.record(AuditActions.CHECKPOINT_ALERT_HANDLED, "checkpoint-alert:" + alertId, note.strip());
    }
}
