package org.fangkong.ledger.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.ledger.internal.LedgerEnums.Health;
import org.fangkong.ledger.internal.LedgerEnums.Relation;
import org.fangkong.ledger.internal.LedgerEnums.Residence;
import org.fangkong.ledger.internal.LedgerEnums;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.fangkong.person.PersonsMerged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households and residents (人员构成台账): add, edit, move out, search by name, ID number or phone,
 * always inside the caller's scope (in SQL, through the household's jurisdiction).
 */
@Service
public class ResidentLedger {

    private static final String RESIDENTS = """
            select r.id, r.household_id, h.address, h.jurisdiction_code, r.person_id, r.record_id, p.name_masked, p.id_masked,
                   p.phone_masked, p.sex, p.birth_date, r.relation, r.residence, r.health, r.from_key_area,
                   r.left_key_area_on, r.moved_out_on
            from resident r
            join household h on h.id = r.household_id
            join jurisdiction j on j.code = h.jurisdiction_code
            join person_record p on p.id = r.record_id
            where j.path <@ cast(:scope as ltree)
            """;

    /**
     * Any record of the resident's person made in the caller's scope: a search by ID number finds a
     * resident whose other record here holds it (after a merge), never through another county's.
     */
    private static final String SAME_PERSON_HERE = """
            select 1 from person_record x join jurisdiction xj on xj.code = x.jurisdiction_code
            where x.person_id = r.person_id and xj.path <@ cast(:scope as ltree)""";

    private final JdbcClient jdbc;
    private final PersonRegistry persons;
    private final PersonRecords records;
    private final LedgerScope scope;
    private final Clock clock;

    ResidentLedger(JdbcClient jdbc, PersonRegistry persons, PersonRecords records, LedgerScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.persons = persons;
        this.scope = scope;
        this.clock = clock;
    }

    /** The ledger fields of a member as typed, checked; {@code healthWhenBlank} null = health is required. */
    private record MemberFields(Relation relation, Residence residence, Health health) {
        static MemberFields of(ResidentForm form, Health healthWhenBlank) {
            Relation relation = LedgerEnums.parse(Relation.class, form.relation(), "relation", "validation.resident.relation");
            Residence residence = LedgerEnums.parse(Residence.class, form.residence(), "residence", "validation.resident.residence");
            Health health = healthWhenBlank != null && (form.health() == null || form.health().isBlank()) ? healthWhenBlank
                    : LedgerEnums.parse(Health.class, form.health(), "health", "validation.resident.health");
            return new MemberFields(relation, residence, health);
        }
    }

    private RowMapper<Resident> residentMapper() {
        LocalDate today = ShanghaiTime.today(clock);
        return (rs, n) -> {
            LocalDate birth = rs.getObject("birth_date", LocalDate.class);
            return new Resident(rs.getLong("id"), rs.getLong("household_id"), rs.getString("address"),
                    rs.getString("jurisdiction_code"), rs.getLong("person_id"), rs.getLong("record_id"), rs.getString("name_masked"),
                    rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("sex"),
                    birth == null ? null : Period.between(birth, today).getYears(),
                    Relation.valueOf(rs.getString("relation")), Residence.valueOf(rs.getString("residence")),
                    Health.valueOf(rs.getString("health")), rs.getBoolean("from_key_area"),
                    rs.getObject("left_key_area_on", LocalDate.class), rs.getObject("moved_out_on", LocalDate.class));
        };
    }

    /** The household at this place, building and address: created, or the one already there (one per address). */
    @Transactional
    public Household createHousehold(String jurisdiction, String building, String address, Actor actor) {
        LedgerScope.requireWrite(actor);
        scope.place(jurisdiction, actor, "jurisdiction");
        if (address == null || address.isBlank()) {
            throw new FieldException("address", "validation.household.address");
        }
        long id = jdbc.sql("""
                        insert into household (jurisdiction_code, building, address, created_by)
                        values (:j, :b, :a, :by)
                        on conflict (jurisdiction_code, building, address) do update set building = excluded.building
                        returning id
                        """)
                .param("j", jurisdiction.strip()).param("b", building == null ? "" : building.strip())
                .param("a", address.strip()).param("by", actor.username()).query(Long.class).single();
        return household(id, actor);
    }

    @Transactional(readOnly = true)
    public Household household(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql("""
                        select h.id, h.jurisdiction_code, j.name, h.building, h.address,
                               (select count(*) from resident r where r.household_id = h.id and r.moved_out_on is null)
                        from household h join jurisdiction j on j.code = h.jurisdiction_code
                        where h.id = :id and j.path <@ cast(:scope as ltree)
                        """)
                .param("id", id).param("scope", actor.scopePath())
                .query((rs, n) -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .optional().orElseThrow(() -> new NotFoundException("household"));
    }

    /** Households of a place (or the whole scope), by building and address, with live member counts. */
    @Transactional(readOnly = true)
    public PageResult<Household> households(String jurisdiction, Integer page, Integer size, Actor actor) {
        LedgerScope.requireRead(actor);
        int s = PageResult.size(size);
        int p = PageResult.page(page);
        return PageResult.query(jdbc.sql("""
                        select h.id, h.jurisdiction_code, j.name, h.building, h.address,
                               (select count(*) from resident r where r.household_id = h.id and r.moved_out_on is null),
                               count(*) over () as total_rows
                        from household h join jurisdiction j on j.code = h.jurisdiction_code
                        where j.path <@ cast(:scope as ltree) and (cast(:j as text) is null or h.jurisdiction_code = :j)
                        order by h.building, h.address, h.id
                        limit :size offset :offset
                        """)
                .param("scope", actor.scopePath()).param("j", jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip()),
                (rs, n) -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)), p, s);
    }

    @Transactional
    public Resident addResident(long householdId, ResidentForm form, Actor actor) {
        LedgerScope.requireWrite(actor);
        Household household = household(householdId, actor);
        MemberFields f = MemberFields.of(form, Health.HEALTHY);
        PersonRecords.Enrolled who = records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()),
                household.jurisdictionCode(), PersonRecords.Source.RESIDENT);
        long personId = who.personId();
        boolean member = jdbc.sql("select exists (select 1 from resident where household_id = :h and person_id = :p and moved_out_on is null)")
                .param("h", householdId).param("p", personId).query(Boolean.class).single();
        if (member) {
            throw new ConflictException("idNumber", "validation.resident.duplicate");
        }
        long id;
        try {
            id = insertResident(householdId, who, f, form);
        } catch (DuplicateKeyException twoAtOnce) { // the same member added twice at the same moment
            throw new ConflictException("idNumber", "validation.resident.duplicate");
        }
        return resident(id, actor);
    }

    private long insertResident(long householdId, PersonRecords.Enrolled who, MemberFields f, ResidentForm form) {
        return jdbc.sql("""
                        insert into resident (household_id, person_id, record_id, relation, residence, health, from_key_area,
                                              left_key_area_on)
                        values (:h, :p, :rec, :rel, :res, :health, :key, :left) returning id
                        """)
                .param("h", householdId).param("p", who.personId()).param("rec", who.recordId()).param("rel", f.relation().name()).param("res", f.residence().name())
                .param("health", f.health().name()).param("key", Boolean.TRUE.equals(form.fromKeyArea()))
                .param("left", form.leftKeyAreaOn()).query(Long.class).single();
    }

    /** Edits the ledger fields of a member (not who they are: that is the person registry's). */
    @Transactional
    public Resident updateResident(long id, ResidentForm form, Actor actor) {
        LedgerScope.requireWrite(actor);
        Resident current = resident(id, actor);
        if (current.movedOutOn() != null) {
            throw new FieldException("movedOutOn", "validation.resident.movedOut");
        }
        MemberFields f = MemberFields.of(form, null);
        jdbc.sql("""
                        update resident set relation = :rel, residence = :res, health = :health, from_key_area = :key,
                                            left_key_area_on = :left, updated_at = now()
                        where id = :id
                        """)
                .param("id", id).param("rel", f.relation().name()).param("res", f.residence().name()).param("health", f.health().name())
                .param("key", Boolean.TRUE.equals(form.fromKeyArea())).param("left", form.leftKeyAreaOn()).update();
        return resident(id, actor);
    }

    /** Moving out keeps the row (who lived here, and when they left); the default day is today. */
    @Transactional
    public Resident moveOut(long id, LocalDate on, Actor actor) {
        LedgerScope.requireWrite(actor);
        Resident current = resident(id, actor);
        if (current.movedOutOn() != null) {
            throw new FieldException("movedOutOn", "validation.resident.movedOut");
        }
        jdbc.sql("update resident set moved_out_on = :on, updated_at = now() where id = :id")
                .param("id", id).param("on", on == null ? ShanghaiTime.today(clock) : on).update();
        return resident(id, actor);
    }

    @Transactional(readOnly = true)
    public Resident resident(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(RESIDENTS + " and r.id = :id").param("scope", actor.scopePath()).param("id", id)
                .query(residentMapper()).optional().orElseThrow(() -> new NotFoundException("resident"));
    }

    /**
     * Members of one household, or everyone in scope matching {@code q}: an ID number or a phone
     * (found by keyed hash) or an exact name. Moved-out members are listed after the others.
     */
    @Transactional(readOnly = true)
    public List<Resident> search(Long householdId, String q, Actor actor) {
        LedgerScope.requireRead(actor);
        byte[] idHash = null;
        byte[] phoneHash = null;
        byte[] nameHash = null;
        if (q != null && !q.isBlank()) {
            String query = q.strip();
            try {
                idHash = persons.hash(IdCardNumber.parse(query).value());
            } catch (InvalidValueException notAnId) {
                try {
                    phoneHash = persons.hash(PhoneNumber.parse(query).value());
                } catch (InvalidValueException notAPhone) {
                    nameHash = persons.nameHash(query);
                }
            }
        } else if (householdId == null) {
            throw new FieldException("q", "validation.resident.query");
        }
        if (householdId != null) {
            household(householdId, actor); // another county's household is a 404, not an empty list
        }
        return jdbc.sql(RESIDENTS + """
                         and (cast(:h as bigint) is null or r.household_id = :h)
                         and (cast(:ih as bytea) is null or exists (%1$s and x.id_hash = :ih))
                         and (cast(:ph as bytea) is null or exists (%1$s and x.phone_hash = :ph))
                         and (cast(:nh as bytea) is null or exists (%1$s and x.name_hash = :nh))
                        order by r.moved_out_on nulls first, h.address, r.relation = 'HEAD' desc, r.id
                        limit 500
                        """.formatted(SAME_PERSON_HERE))
                .param("scope", actor.scopePath()).param("h", householdId).param("ih", idHash).param("ph", phoneHash)
                .param("nh", nameHash).query(residentMapper()).list();
    }

    /**
     * The full name, ID number and phone of a resident in the caller's scope, for whoever keeps the
     * ledger; needs a reason and is audited as a reveal.
     */
    @Transactional
    public PersonIdentity reveal(long residentId, String reason, Actor actor) {
        LedgerScope.requireWrite(actor);
        return records.reveal(resident(residentId, actor).recordId(), LedgerScope.reason(reason));
    }

    /**
     * A merged person's memberships, registrations and passages move to the kept person (same
     * transaction); each row keeps its own record of who they are.
     */
    @ApplicationModuleListener
    void on(PersonsMerged merged) {
        for (String table : new String[] {"resident", "outsider", "passage"}) {
            jdbc.sql("update " + table + " set person_id = :k where person_id = :m").param("k", merged.kept())
                    .param("m", merged.merged()).update();
        }
    }
}
