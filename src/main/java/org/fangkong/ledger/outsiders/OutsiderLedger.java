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
                   o.purpose, o.left_on, o.self_registered, o.self_registered and o.confirmed_at is null as to_confirm
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
            (Long) rs.getObject("household_id", Long.class), rs.getString("purpose"), rs.getObject("left_on", LocalDate.class),
            rs.getBoolean("self_registered"), rs.getBoolean("to_confirm"));

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
        String origin = origin(form.origin());
        String originCode = originCode(form.originCode());
        arrival(form.arrivedOn(), form.leftKeyAreaOn());
        String address = address(form.address());
        household(form.householdId(), actor);
        PersonRecords.Enrolled who = records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()),
                form.jurisdiction().strip(), PersonRecords.Source.OUTSIDER);
        boolean keyArea = keyAreas.includes(originCode, origin);
        long id = jdbc.sql("""
                        insert into outsider (jurisdiction_code, person_id, record_id, origin, origin_code, from_key_area,
                                              arrived_on, left_key_area_on, address, household_id, purpose, created_by)
                        values (:j, :p, :rec, :origin, :code, :key, :arrived, :left, :address, :h, :purpose, :by) returning id
                        """)
                .param("j", form.jurisdiction().strip()).param("p", who.personId()).param("rec", who.recordId()).param("origin", origin)
                .param("code", originCode).param("key", keyArea).param("arrived", form.arrivedOn())
                .param("left", form.leftKeyAreaOn()).param("address", address)
                .param("h", form.householdId()).param("purpose", form.purpose() == null ? "" : form.purpose().strip())
                .param("by", actor.username()).query(Long.class).single();
        events.publishEvent(new OutsiderRegistered(id, who.personId(), who.recordId(), form.jurisdiction().strip(), origin,
                originCode, keyArea, form.arrivedOn(), form.leftKeyAreaOn(), form.householdId()));
        return find(id, actor);
    }

    /**
     * Confirms a self-registered arrival (来青人员登记) with the grid worker's corrections; from now
     * on it is a registration like any other: a key-area origin opens home observation.
     */
    @Transactional
    public Outsider confirm(long id, OutsiderCorrection c, Actor actor) {
        LedgerScope.requireWrite(actor);
        Outsider typed = find(id, actor);
        if (!typed.toConfirm()) {
            throw new FieldException("id", "validation.outsider.confirmed");
        }
        String place = c.jurisdiction() == null || c.jurisdiction().isBlank() ? typed.jurisdictionCode() : c.jurisdiction().strip();
        scope.place(place, actor, "jurisdiction");
        String origin = origin(c.origin());
        String originCode = originCode(c.originCode());
        arrival(c.arrivedOn(), c.leftKeyAreaOn());
        String address = address(c.address());
        household(c.householdId(), actor);
        boolean keyArea = keyAreas.includes(originCode, origin);
        long record = jdbc.sql("select record_id from outsider where id = :id for update").param("id", id).query(Long.class).single();
        if (!place.equals(typed.jurisdictionCode())) { // moved: the record belongs to the place that keeps it
            record = records.copy(record, place, PersonRecords.Source.OUTSIDER);
        }
        int updated = jdbc.sql("""
                        update outsider set jurisdiction_code = :j, record_id = :rec, origin = :origin, origin_code = :code,
                               from_key_area = :key, arrived_on = :arrived, left_key_area_on = :left, address = :address,
                               household_id = :h, purpose = :purpose, confirmed_at = now(), confirmed_by = :by, updated_at = now()
                        where id = :id and self_registered and confirmed_at is null
                        """)
                .param("id", id).param("j", place).param("rec", record).param("origin", origin).param("code", originCode)
                .param("key", keyArea).param("arrived", c.arrivedOn()).param("left", c.leftKeyAreaOn()).param("address", address)
                .param("h", c.householdId()).param("purpose", c.purpose() == null ? "" : c.purpose().strip())
                .param("by", actor.username()).update();
        if (updated == 0) { // confirmed by someone else meanwhile
            throw new FieldException("id", "validation.outsider.confirmed");
        }
        events.publishEvent(new OutsiderRegistered(id, typed.personId(), record, place, origin, originCode, keyArea,
                c.arrivedOn(), c.leftKeyAreaOn(), c.householdId()));
        return find(id, actor);
    }

    static String origin(String origin) {
        if (origin == null || origin.isBlank()) {
            throw new FieldException("origin", "validation.outsider.origin");
        }
        return origin.strip();
    }

    static String originCode(String code) {
        String originCode = code == null || code.isBlank() ? null : code.strip();
        if (originCode != null && !originCode.matches("\\d{2,12}")) {
            throw new FieldException("originCode", "validation.outsider.originCode");
        }
        return originCode;
    }

    static String address(String address) {
        if (address == null || address.isBlank()) {
            throw new FieldException("address", "validation.household.address");
        }
        return address.strip();
    }

    private void arrival(LocalDate arrivedOn, LocalDate leftKeyAreaOn) {
        if (arrivedOn == null || arrivedOn.isAfter(ShanghaiTime.today(clock))) {
            throw new FieldException("arrivedOn", "validation.outsider.arrivedOn");
        }
        if (leftKeyAreaOn != null && leftKeyAreaOn.isAfter(arrivedOn)) {
            throw new FieldException("leftKeyAreaOn", "validation.outsider.leftKeyAreaOn");
        }
    }

    private void household(Long householdId, Actor actor) {
        if (householdId != null) {
            jdbc.sql("""
                            select h.id from household h join jurisdiction j on j.code = h.jurisdiction_code
                            where h.id = :h and j.path <@ cast(:scope as ltree)
                            """).param("h", householdId).param("scope", actor.scopePath()).query(Long.class)
                    .optional().orElseThrow(() -> new NotFoundException("household")); // unknown or outside the scope alike
        }
    }

    @Transactional(readOnly = true)
    public Outsider find(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(SELECT + " and o.id = :id").param("scope", actor.scopePath()).param("id", id)
                .query(MAPPER).optional().orElseThrow(() -> new NotFoundException("outsider"));
    }

    /**
     * Outsiders in scope (or of one place): self-registrations to confirm first, then newest arrivals;
     * {@code keyAreaOnly} for the follow-up list.
     */
    @Transactional(readOnly = true)
    public List<Outsider> list(String jurisdiction, boolean keyAreaOnly, Actor actor) {
        return list(jurisdiction, keyAreaOnly, false, actor);
    }

    /** As {@link #list(String, boolean, Actor)}; {@code toConfirmOnly}: the self-registrations waiting for the grid worker. */
    @Transactional(readOnly = true)
    public List<Outsider> list(String jurisdiction, boolean keyAreaOnly, boolean toConfirmOnly, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(SELECT + """
                         and (cast(:j as text) is null or o.jurisdiction_code = :j) and (not :key or o.from_key_area)
                         and (not :toConfirm or (o.self_registered and o.confirmed_at is null))
                        order by to_confirm desc, o.arrived_on desc, o.id desc limit 1000
                        """)
                .param("scope", actor.scopePath()).param("j", jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip())
                .param("key", keyAreaOnly).param("toConfirm", toConfirmOnly).query(MAPPER).list();
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
