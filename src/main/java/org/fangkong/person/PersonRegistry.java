package org.fangkong.person;

import java.time.LocalDate;
import java.util.Optional;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person registry. A person is found by the keyed hash of their ID number; without one, by
 * the hash of their phone. Name, ID number and phone are sealed; screens get masked copies, and
 * whoever reveals the full values is audited by the caller's module.
 */
@Service
public class PersonRegistry {

    private static final RowMapper<Person> MAPPER = (rs, n) -> new Person(rs.getLong("id"), rs.getString("name_masked"),
            rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("sex"),
            rs.getObject("birth_date", LocalDate.class));
    private static final String SELECT = "select id, name_masked, id_masked, phone_masked, sex, birth_date from person";

    /** Validated identity, ready to be sealed. */
    public record Checked(String name, IdCardNumber id, PhoneNumber phone) {
    }

    private final JdbcClient jdbc;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PersonRegistry(JdbcClient jdbc, PiiSealer sealer, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Checks an identity as RULES.md says (name required, ID checksum, mainland mobile), naming the
     * field at fault; at least an ID number or a phone is needed to find the person again.
     */
    public static Checked check(PersonIdentity who) {
        if (who.name() == null || who.name().isBlank()) {
            throw new FieldException("name", "validation.person.name");
        }
        Checked contact = contact(who.idNumber(), who.phone());
        return new Checked(who.name().strip(), contact.id(), contact.phone());
    }

    /** The ID number and phone checked (at least one of them), without a name: a list to match. */
    public static Checked contact(String idNumber, String phoneInput) {
        IdCardNumber id = null;
        if (idNumber != null && !idNumber.isBlank()) {
            try {
                id = IdCardNumber.parse(idNumber);
            } catch (InvalidValueException e) {
                throw new FieldException("idNumber", e.messageKey());
            }
        }
        PhoneNumber phone = null;
        if (phoneInput != null && !phoneInput.isBlank()) {
            try {
                phone = PhoneNumber.parse(phoneInput);
            } catch (InvalidValueException e) {
                throw new FieldException("phone", e.messageKey());
            }
        }
        if (id == null && phone == null) {
            throw new FieldException("idNumber", "validation.person.idOrPhone");
        }
        return new Checked(null, id, phone);
    }

    /**
     * The registry's id for this person, creating the record when nobody matches. Found by ID
     * number first; a record found by phone alone gets the ID number when it was missing. A phone or
     * ID added later fills the gap; the name on record is kept.
     */
    @Transactional
    public long resolve(PersonIdentity who) {
        return resolve(check(who));
    }

    @Transactional
    public long resolve(Checked who) {
        byte[] idHash = who.id() == null ? null : sealer.hash(who.id().value());
        byte[] phoneHash = who.phone() == null ? null : sealer.hash(who.phone().value());
        Optional<Long> found = Optional.empty();
        if (idHash != null) {
            found = jdbc.sql("select coalesce(merged_into, id) from person where id_hash = :h").param("h", idHash)
                    .query(Long.class).optional();
        }
        if (found.isEmpty() && phoneHash != null) {
            // by phone only a record without an ID number, or with this one: two ID numbers are two people
            found = jdbc.sql("""
                            select id from person where phone_hash = :p and merged_into is null
                              and (id_hash is null or id_hash = :h) order by id limit 1
                            """).param("p", phoneHash).param("h", idHash == null ? new byte[0] : idHash)
                    .query(Long.class).optional();
        }
        if (found.isPresent()) {
            fillIn(found.get(), who, idHash, phoneHash);
            return found.get();
        }
        return jdbc.sql("""
                        insert into person (id_hash, id_sealed, id_masked, phone_hash, phone_sealed, phone_masked,
                                            name_sealed, name_masked, name_hash, sex, birth_date)
                        values (:ih, :is, :im, :ph, :ps, :pm, :ns, :nm, :nh, :sex, :birth)
                        on conflict (id_hash) do update set updated_at = now()
                        returning id
                        """)
                .param("ih", idHash).param("is", who.id() == null ? null : sealer.encrypt(who.id().value()))
                .param("im", who.id() == null ? null : who.id().masked())
                .param("ph", phoneHash).param("ps", who.phone() == null ? null : sealer.encrypt(who.phone().value()))
                .param("pm", who.phone() == null ? null : who.phone().masked())
                .param("ns", sealer.encrypt(who.name())).param("nm", Masking.name(who.name()))
                .param("nh", nameHash(who.name()))
                .param("sex", who.id() == null ? null : who.id().male() ? "M" : "F")
                .param("birth", who.id() == null ? null : who.id().birthDate())
                .query(Long.class).single();
    }

    /**
     * The person with this ID number (else phone), without creating one: how the gate finds a
     * resident from an ID card or a phone number alone. Malformed input names its field.
     */
    @Transactional(readOnly = true)
    public Optional<Long> lookup(String idNumber, String phone) {
        Checked who = contact(idNumber, phone);
        if (who.id() != null) {
            Optional<Long> byId = jdbc.sql("select coalesce(merged_into, id) from person where id_hash = :h")
                    .param("h", sealer.hash(who.id().value())).query(Long.class).optional();
            if (byId.isPresent() || who.phone() == null) {
                return byId;
            }
        }
        return jdbc.sql("select id from person where phone_hash = :p and merged_into is null order by id limit 1")
                .param("p", sealer.hash(who.phone().value())).query(Long.class).optional();
    }

    private void fillIn(long id, Checked who, byte[] idHash, byte[] phoneHash) {
        if (idHash != null) {
            jdbc.sql("""
                            update person set id_hash = :ih, id_sealed = :is, id_masked = :im, sex = :sex, birth_date = :birth,
                                              updated_at = now()
                            where id = :id and id_hash is null
                            """)
                    .param("id", id).param("ih", idHash).param("is", sealer.encrypt(who.id().value()))
                    .param("im", who.id().masked()).param("sex", who.id().male() ? "M" : "F")
                    .param("birth", who.id().birthDate()).update();
        }
        if (phoneHash != null) {
            jdbc.sql("""
                            update person set phone_hash = :ph, phone_sealed = :ps, phone_masked = :pm, updated_at = now()
                            where id = :id and phone_hash is distinct from :ph
                            """)
                    .param("id", id).param("ph", phoneHash).param("ps", sealer.encrypt(who.phone().value()))
                    .param("pm", who.phone().masked()).update();
        }
    }

    @Transactional(readOnly = true)
    public Person find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("person"));
    }

    /** The full name, ID number and phone; audited as a reveal with its reason. */
    @Transactional
    public PersonIdentity reveal(long id, String reason) {
        PersonIdentity full = jdbc.sql("select name_sealed, id_sealed, phone_sealed from person where id = :id")
                .param("id", id)
                .query((rs, n) -> new PersonIdentity(sealer.open(rs.getBytes(1)), open(rs.getBytes(2)), open(rs.getBytes(3))))
                .optional().orElseThrow(() -> new NotFoundException("person"));
        audit.reveal("person:" + id, reason);
        return full;
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    /** The keyed hash that finds a person by their exact name (spaces ignored). */
    public byte[] nameHash(String name) {
        return sealer.hash("name:" + name.replaceAll("\\s+", ""));
    }

    /** The keyed phone hash of each of these people who has a phone (the key check-ins are found by). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, byte[]> phoneHashes(java.util.Collection<Long> ids) {
        java.util.Map<Long, byte[]> hashes = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, phone_hash from person where id = any(cast(:ids as bigint[])) and phone_hash is not null")
                    .param("ids", ids.toArray(Long[]::new)).query((rs, n) -> hashes.put(rs.getLong(1), rs.getBytes(2))).list();
        }
        return hashes;
    }

    /** The keyed hash of an ID number or phone as stored in the registry. */
    public byte[] hash(String value) {
        return sealer.hash(value);
    }

    /**
     * Merges {@code merged} into {@code kept} (the same person recorded twice): the kept record takes
     * the ID number or phone it lacked, every module repoints its rows (via {@link PersonsMerged}),
     * and the merged record stays only as a pointer. Audited.
     */
    @Transactional
    public void merge(long kept, long merged, String reason) {
        if (kept == merged) {
            throw new FieldException("merged", "validation.person.mergeSelf");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldException("reason", "validation.reason.required");
        }
        find(kept);
        find(merged);
        int alreadyMerged = jdbc.sql("select count(*) from person where id in (:a, :b) and merged_into is not null")
                .param("a", kept).param("b", merged).query(Integer.class).single();
        if (alreadyMerged > 0) {
            throw new FieldException("merged", "validation.person.alreadyMerged");
        }
        // the ID number moves over when the kept record has none (its hash is unique: clear it first)
        boolean keptHasId = jdbc.sql("select id_hash is not null from person where id = :k").param("k", kept)
                .query(Boolean.class).single();
        if (!keptHasId) {
            jdbc.sql("select id_hash, id_sealed, id_masked, sex, birth_date from person where id = :m and id_hash is not null")
                    .param("m", merged)
                    .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class)})
                    .optional().ifPresent(moved -> {
                        jdbc.sql("update person set id_hash = null, merged_into = :k where id = :m")
                                .param("k", kept).param("m", merged).update();
                        jdbc.sql("""
                                        update person set id_hash = :h, id_sealed = :s, id_masked = :masked, sex = :sex,
                                                          birth_date = :birth, updated_at = now()
                                        where id = :k
                                        """)
                                .param("k", kept).param("h", moved[0]).param("s", moved[1]).param("masked", moved[2])
                                .param("sex", moved[3]).param("birth", moved[4]).update();
                    });
        }
        jdbc.sql("""
                        update person p set phone_hash = m.phone_hash, phone_sealed = m.phone_sealed,
                                            phone_masked = m.phone_masked, updated_at = now()
                        from person m where p.id = :k and m.id = :m and p.phone_hash is null
                        """).param("k", kept).param("m", merged).update();
        jdbc.sql("update person set merged_into = :k, updated_at = now() where id = :m or merged_into = :m")
                .param("k", kept).param("m", merged).update();
        events.publishEvent(new PersonsMerged(kept, merged));
        audit.record(AuditActions.PERSON_MERGE, "person:" + merged + "->" + kept, reason);
    }
}
