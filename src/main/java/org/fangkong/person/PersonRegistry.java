package org.fangkong.person;

import java.time.LocalDate;
import java.util.Optional;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person registry. A person is found by the keyed hash of their ID number; without one, by
 * the hash of a phone. It links records; what screens show and reveal is each place's own
 * record ({@link PersonRecords}), never the registry's values, which may come from another county.
 */
@Service
public class PersonRegistry {

    private static final RowMapper<Person> MAPPER = (rs, n) -> new Person(rs.getLong("id"), rs.getString("name_masked"),
            rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("sex"),
            rs.getObject("birth_date", LocalDate.class));
    private static final String SELECT = "select id, name_masked, id_masked, phone_masked, sex, birth_date from person";

    /**
     * A phone finds a person through the registry's own phone or any phone a record holds (every
     * phone typed is kept); by phone only a person without an ID number, or with this one: two ID
     * numbers are two people.
     */
    static final String BY_PHONE = """
            select k.id from (select id from person where phone_hash = :p and merged_into is null
                              union select coalesce(q.merged_into, q.id) from person_record r join person q on q.id = r.person_id
                                    where r.phone_hash = :p) f
            join person k on k.id = f.id
            where k.merged_into is null and (k.id_hash is null or k.id_hash = :h) order by k.id limit 1
            """;

    /** Validated identity, ready to be sealed. */
    public record Checked(String name, IdCardNumber id, PhoneNumber phone) {
    }

    private final JdbcClient jdbc;
    private final PiiSealer sealer;

    PersonRegistry(JdbcClient jdbc, PiiSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /**
     * Checks an identity as docs/rules.md says (name required, ID checksum, mainland mobile), naming the
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
     * ID added later fills a gap, never replaces: other phones live in {@link PersonRecords}, and
     * what a place typed is kept there, not here.
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
            found = jdbc.sql(BY_PHONE).param("p", phoneHash).param("h", idHash == null ? new byte[0] : idHash)
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
                        """ + (idHash != null
                        // two writers registering the same newcomer at once both get the one person
                        ? "on conflict (id_hash) do update set updated_at = now() returning id"
                        : "on conflict (phone_hash) where id_hash is null and merged_into is null do update set updated_at = now() returning id"))
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
     * The person any phone of the registry or of a record belongs to, whatever their ID number: how
     * a close contact known only by the phone they checked in with is found. Links, discloses nothing.
     */
    @Transactional(readOnly = true)
    public Optional<Long> findByPhone(PhoneNumber phone) {
        return jdbc.sql("""
                        select p.id from person p where p.phone_hash = :p and p.merged_into is null
                        union
                        select coalesce(q.merged_into, q.id) from person_record r join person q on q.id = r.person_id
                        where r.phone_hash = :p
                        order by 1 limit 1
                        """).param("p", sealer.hash(phone.value())).query(Long.class).optional();
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
                            where id = :id and phone_hash is null
                            """)
                    .param("id", id).param("ph", phoneHash).param("ps", sealer.encrypt(who.phone().value()))
                    .param("pm", who.phone().masked()).update();
        }
    }

    /** The registry's masked values, for the module itself (merges, tests): screens show records. */
    @Transactional(readOnly = true)
    Person find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("person"));
    }

    /** The keyed hash that finds a person by their exact name (spaces ignored). */
    public byte[] nameHash(String name) {
        return sealer.hash("name:" + name.replaceAll("\\s+", ""));
    }

    /** The keyed hash of an ID number or phone as stored in the registry. */
    public byte[] hash(String value) {
        return sealer.hash(value);
    }
}
