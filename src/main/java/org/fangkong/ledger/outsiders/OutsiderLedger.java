package org.fangkong.ledger.outsiders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.ledger.OutsiderRegistered;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outsider ledger (外来人员登记台账); registering someone from a key area tells observation. */
@Service
public class OutsiderLedger {

    private static final String SELECT = """
            select o.id, o.jurisdiction_code, o.person_id, p.name_masked, p.id_masked, p.phone_masked, o.origin,
                   o.origin_code, o.from_key_area, o.arrived_on, o.left_key_area_on, o.address, o.household_id,
                   o.purpose, o.left_on
            from outsider o
            join jurisdiction j on j.code = o.jurisdiction_code
            join person_record p on p.id = o.record_id
            where j.path <@ cast(:scope as ltree)
            """;
    private static final RowMapper<Outsider> MAPPER = (rs, n) -> new Outsider(rs.getLong("id"),
            rs.getString("jurisdiction_code"), rs.getLong("person_id"), rs.getString("name_masked"),
            rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("origin"), rs.getString("origin_code"),
            rs.getBoolean("from_key_area"), rs.getObject("arrived_on", LocalDate.class),
            rs.getObject("left_key_area_on", LocalDate.class), rs.getString("address"),
            (Long) rs.getObject("household_id", Long.class), rs.getString("purpose"), rs.getObject("left_on", LocalDate.class));

    private final JdbcClient jdbc;
    private final PersonRecords records;
    private final LedgerScope scope;
    private final KeyAreas keyAreas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutsiderLedger(JdbcClient jdbc, PersonRecords records, LedgerScope scope, KeyAreas keyAreas,
                   ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.scope = scope;
        this.keyAreas = keyAreas;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outsider register(OutsiderForm form, Actor actor) {
        LedgerScope.requireWrite(actor);
        scope.place(form.jurisdiction(), actor, "jurisdiction");
        if (form.origin() == null || form.origin().isBlank()) {
            throw new FieldException("origin", "validation.outsider.origin");
        }
        String originCode = form.originCode() == null || form.originCode().isBlank() ? null : form.originCode().strip();
        if (originCode != null && !originCode.matches("\\d{2,12}")) {
            throw new FieldException("originCode", "validation.outsider.originCode");
        }
        LocalDate today = ShanghaiTime.today(clock);
        if (form.arrivedOn() == null || form.arrivedOn().isAfter(today)) {
            throw new FieldException("arrivedOn", "validation.outsider.arrivedOn");
        }
        if (form.leftKeyAreaOn() != null && form.leftKeyAreaOn().isAfter(form.arrivedOn())) {
            throw new FieldException("leftKeyAreaOn", "validation.outsider.leftKeyAreaOn");
        }
        if (form.address() == null || form.address().isBlank()) {
            throw new FieldException("address", "validation.household.address");
        }
        if (form.householdId() != null) {
            jdbc.sql("""
                            select h.id from household h join jurisdiction j on j.code = h.jurisdiction_code
                            where h.id = :h and j.path <@ cast(:scope as ltree)
                            """).param("h", form.householdId()).param("scope", actor.scopePath()).query(Long.class)
                    .optional().orElseThrow(() -> new NotFoundException("household")); // unknown or outside the scope alike
        }
        PersonRecords.Enrolled who = records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()),
                form.jurisdiction().strip(), PersonRecords.Source.OUTSIDER);
        boolean keyArea = keyAreas.includes(originCode, form.origin());
        long id = jdbc.sql("""
                        insert into outsider (jurisdiction_code, person_id, record_id, origin, origin_code, from_key_area,
                                              arrived_on, left_key_area_on, address, household_id, purpose, created_by)
                        values (:j, :p, :rec, :origin, :code, :key, :arrived, :left, :address, :h, :purpose, :by) returning id
                        """)
                .param("j", form.jurisdiction().strip()).param("p", who.personId()).param("rec", who.recordId()).param("origin", form.origin().strip())
                .param("code", originCode).param("key", keyArea).param("arrived", form.arrivedOn())
                .param("left", form.leftKeyAreaOn()).param("address", form.address().strip())
                .param("h", form.householdId()).param("purpose", form.purpose() == null ? "" : form.purpose().strip())
                .param("by", actor.username()).query(Long.class).single();
        events.publishEvent(new OutsiderRegistered(id, who.personId(), who.recordId(), form.jurisdiction().strip(), form.origin().strip(),
                originCode, keyArea, form.arrivedOn(), form.leftKeyAreaOn(), form.householdId()));
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    public Outsider find(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(SELECT + " and o.id = :id").param("scope", actor.scopePath()).param("id", id)
                .query(MAPPER).optional().orElseThrow(() -> new NotFoundException("outsider"));
    }

    /** Outsiders in scope (or of one place), newest arrivals first; {@code keyAreaOnly} for the follow-up list. */
    @Transactional(readOnly = true)
    public List<Outsider> list(String jurisdiction, boolean keyAreaOnly, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(SELECT + """
                         and (cast(:j as text) is null or o.jurisdiction_code = :j) and (not :key or o.from_key_area)
                        order by o.arrived_on desc, o.id desc limit 1000
                        """)
                .param("scope", actor.scopePath()).param("j", jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip())
                .param("key", keyAreaOnly).query(MAPPER).list();
    }

    /** The list as the outsider ledger's xlsx (masked, as on screen). */
    @Transactional(readOnly = true)
    public byte[] xlsx(String jurisdiction, boolean keyAreaOnly, Actor actor) {
        return OutsiderSheet.xlsx(list(jurisdiction, keyAreaOnly, actor));
    }

    /** The full name, ID number and phone of an outsider in scope; needs a reason, audited as a reveal. */
    @Transactional
    public PersonIdentity reveal(long id, String reason, Actor actor) {
        LedgerScope.requireWrite(actor);
        find(id, actor);
        long record = jdbc.sql("select record_id from outsider where id = :id").param("id", id).query(Long.class).single();
        return records.reveal(record, LedgerScope.reason(reason));
    }

    /** Records the day the outsider left the village again. */
    @Transactional
    public Outsider left(long id, LocalDate on, Actor actor) {
        LedgerScope.requireWrite(actor);
        find(id, actor);
        jdbc.sql("update outsider set left_on = :on where id = :id").param("id", id)
                .param("on", on == null ? ShanghaiTime.today(clock) : on).update();
        return find(id, actor);
    }
}
