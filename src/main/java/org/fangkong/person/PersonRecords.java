package org.fangkong.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recorded identities (登记身份): a person as one place recorded them. The registry links the
 * records of one person by keyed hash; a module's row points at its own record, so a county sees
 * and reveals only the name, ID number and phone typed there, never what another county recorded.
 * Every phone typed for a person stays here with its place, source and day.
 */
@Service
public class PersonRecords {

    /** Which kind of row recorded the identity. */
    public enum Source { RESIDENT, OUTSIDER, PASSAGE, OBSERVATION, CASE }

    /** The registry's person and the place's own record of them. */
    public record Enrolled(long personId, long recordId) {
    }

    static final String UPSERT = """
            insert into person_record (person_id, source, jurisdiction_code, name_sealed, name_masked, name_hash, id_hash,
                                       id_sealed, id_masked, phone_hash, phone_sealed, phone_masked, sex, birth_date)
            """;
    static final String ON_CONFLICT = """
            on conflict (person_id, jurisdiction_code, source, name_hash, coalesce(id_hash, '\\x'::bytea),
                         coalesce(phone_hash, '\\x'::bytea))
            do update set recorded_at = person_record.recorded_at
            """;

    private final JdbcClient jdbc;
    private final PiiSealer sealer;
    private final PersonRegistry registry;
    private final AuditTrail audit;
    private final List<PersonHolders> holders;

    PersonRecords(JdbcClient jdbc, PiiSealer sealer, PersonRegistry registry, AuditTrail audit, List<PersonHolders> holders) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.registry = registry;
        this.audit = audit;
        this.holders = holders;
    }

    /** Finds or registers the person and keeps the identity as this place typed it. */
    @Transactional
    public Enrolled enrol(PersonIdentity who, String place, Source source) {
        return enrol(PersonRegistry.check(who), place, source);
    }

    @Transactional
    public Enrolled enrol(PersonRegistry.Checked who, String place, Source source) {
        long personId = registry.resolve(who);
        return new Enrolled(personId, record(personId, who, place, source));
    }

    /** Keeps {@code who} as {@code place} recorded them for a known person; answers the record's id. */
    @Transactional
    public long record(long personId, PersonRegistry.Checked who, String place, Source source) {
        IdCardNumber id = who.id();
        PhoneNumber phone = who.phone();
        return jdbc.sql(UPSERT + """
                        values (:p, :src, :j, :ns, :nm, :nh, :ih, :is, :im, :ph, :ps, :pm, :sex, :birth)
                        """ + ON_CONFLICT + " returning id")
                .param("p", personId).param("src", source.name()).param("j", place)
                .param("ns", sealer.encrypt(who.name())).param("nm", Masking.name(who.name()))
                .param("nh", registry.nameHash(who.name()))
                .param("ih", id == null ? null : sealer.hash(id.value())).param("is", id == null ? null : sealer.encrypt(id.value()))
                .param("im", id == null ? null : id.masked())
                .param("ph", phone == null ? null : sealer.hash(phone.value()))
                .param("ps", phone == null ? null : sealer.encrypt(phone.value())).param("pm", phone == null ? null : phone.masked())
                .param("sex", id == null ? null : id.male() ? "M" : "F").param("birth", id == null ? null : id.birthDate())
                .query(Long.class).single();
    }

    /**
     * The same identity kept again for another place or source: an arrival's observation order
     * holds what the outsider ledger recorded, a case what its observation order held.
     */
    @Transactional
    public long copy(long recordId, String place, Source source) {
        return jdbc.sql(UPSERT + """
                        select person_id, :src, :j, name_sealed, name_masked, name_hash, id_hash, id_sealed, id_masked,
                               phone_hash, phone_sealed, phone_masked, sex, birth_date
                        from person_record where id = :r
                        """ + ON_CONFLICT + " returning id")
                .param("r", recordId).param("src", source.name()).param("j", place).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("person"));
    }

    /** The newest record of this person made at exactly this place, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> recordAt(long personId, String place) {
        return jdbc.sql("""
                        select id from person_record where person_id = :p and jurisdiction_code = :j
                        order by recorded_at desc, id desc limit 1
                        """).param("p", personId).param("j", place).query(Long.class).optional();
    }

    /**
     * Someone this scope recorded before, found by the ID number (else phone) its own records hold:
     * how the gate knows a resident from an ID card or a phone alone. Nothing another county typed
     * is used. Malformed input names its field.
     */
    @Transactional(readOnly = true)
    public Optional<Enrolled> findInScope(String idNumber, String phone, String scopePath) {
        PersonRegistry.Checked who = PersonRegistry.contact(idNumber, phone);
        String sql = """
                select coalesce(p.merged_into, p.id), r.id from person_record r
                join person p on p.id = r.person_id
                join jurisdiction j on j.code = r.jurisdiction_code
                where r.%s = :h and j.path <@ cast(:scope as ltree)
                order by r.recorded_at desc, r.id desc limit 1
                """;
        Optional<Enrolled> found = Optional.empty();
        if (who.id() != null) {
            found = jdbc.sql(sql.formatted("id_hash")).param("h", sealer.hash(who.id().value())).param("scope", scopePath)
                    .query((rs, n) -> new Enrolled(rs.getLong(1), rs.getLong(2))).optional();
        }
        if (found.isEmpty() && who.phone() != null) {
            found = jdbc.sql(sql.formatted("phone_hash")).param("h", sealer.hash(who.phone().value())).param("scope", scopePath)
                    .query((rs, n) -> new Enrolled(rs.getLong(1), rs.getLong(2))).optional();
        }
        return found;
    }

    /**
     * {@link #findInScope} for many identities at once (null where this scope recorded nobody):
     * two statements, by ID number and by phone.
     */
    @Transactional(readOnly = true)
    public Enrolled[] findAllInScope(List<PersonRegistry.Checked> who, String scopePath) {
        Enrolled[] found = new Enrolled[who.size()];
        Map<String, Enrolled> byId = newestInScope("id_hash", who.stream().filter(w -> w.id() != null)
                .map(w -> sealer.hash(w.id().value())).toArray(byte[][]::new), scopePath);
        Map<String, Enrolled> byPhone = newestInScope("phone_hash", who.stream().filter(w -> w.phone() != null)
                .map(w -> sealer.hash(w.phone().value())).toArray(byte[][]::new), scopePath);
        for (int i = 0; i < found.length; i++) {
            PersonRegistry.Checked w = who.get(i);
            Enrolled e = w.id() == null ? null : byId.get(HexFormat.of().formatHex(sealer.hash(w.id().value())));
            if (e == null && w.phone() != null) {
                e = byPhone.get(HexFormat.of().formatHex(sealer.hash(w.phone().value())));
            }
            found[i] = e;
        }
        return found;
    }

    private Map<String, Enrolled> newestInScope(String column, byte[][] hashes, String scopePath) {
        Map<String, Enrolled> found = new HashMap<>();
        if (hashes.length > 0) {
            jdbc.sql("""
                            select distinct on (r.%1$s) r.%1$s, coalesce(p.merged_into, p.id), r.id from person_record r
                            join person p on p.id = r.person_id
                            join jurisdiction j on j.code = r.jurisdiction_code
                            where r.%1$s = any(cast(:h as bytea[])) and j.path <@ cast(:scope as ltree)
                            order by r.%1$s, r.recorded_at desc, r.id desc
                            """.formatted(column)).param("h", hashes).param("scope", scopePath)
                    .query((rs, n) -> found.put(HexFormat.of().formatHex(rs.getBytes(1)), new Enrolled(rs.getLong(2), rs.getLong(3))))
                    .list();
        }
        return found;
    }

    /** The full name, ID number and phone as this record holds them; audited as a reveal with its reason. */
    @Transactional
    public PersonIdentity reveal(long recordId, String reason) {
        PersonIdentity full = open(recordId);
        long person = jdbc.sql("select person_id from person_record where id = :id").param("id", recordId).query(Long.class).single();
        audit.reveal("person:" + person, reason); // the audit names the person: every reveal of them, whoever recorded it
        return full;
    }

    /** The record's full values, for a module that audits the use itself (a printed notice, an export). */
    @Transactional(readOnly = true)
    public PersonIdentity open(long recordId) {
        return jdbc.sql("select name_sealed, id_sealed, phone_sealed from person_record where id = :id").param("id", recordId)
                .query((rs, n) -> new PersonIdentity(sealer.open(rs.getBytes(1)), openOrNull(rs.getBytes(2)),
                        openOrNull(rs.getBytes(3))))
                .optional().orElseThrow(() -> new NotFoundException("person"));
    }

    private String openOrNull(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    /**
     * Whether a row of the caller's subtree holds this person (or a record merged into them): a
     * record made there, or a row another module reports through {@link PersonHolders}.
     */
    @Transactional(readOnly = true)
    public boolean inScope(long personId, String scopePath) {
        boolean recorded = jdbc.sql("""
                        select exists (select 1 from person_record r
                                       join jurisdiction j on j.code = r.jurisdiction_code
                                       where r.person_id in (select :p union select id from person where merged_into = :p)
                                         and j.path <@ cast(:scope as ltree))
                        """).param("p", personId).param("scope", scopePath).query(Boolean.class).single();
        return recorded || holders.stream().anyMatch(h -> h.holds(personId, scopePath));
    }

    /**
     * Every phone known for each of these people, from the registry and from every record (the
     * keys their check-ins are found by): tracing and matching look at all of them.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<byte[]>> phoneHashes(Collection<Long> personIds) {
        Map<Long, List<byte[]>> hashes = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("""
                            select id, phone_hash from person where id = any(cast(:ids as bigint[])) and phone_hash is not null
                            union
                            select person_id, phone_hash from person_record
                            where person_id = any(cast(:ids as bigint[])) and phone_hash is not null
                            """)
                    .param("ids", personIds.toArray(Long[]::new))
                    .query((rs, n) -> hashes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getBytes(2))).list();
        }
        return hashes;
    }
}
