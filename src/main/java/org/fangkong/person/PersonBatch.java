package org.fangkong.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.fangkong.common.Masking;
import org.fangkong.common.pii.PiiSealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PersonRegistry#resolve} for a whole file at once: a few set-based statements per chunk
 * instead of three or four per row, so a 100,000-row ledger import is bound by the sealing, not by
 * round trips. Same rules: found by ID number first, else by a phone on a record without another ID
 * number; a later ID number or phone fills the gap; names on record are kept.
 */
@Service
public class PersonBatch {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final PiiSealer sealer;
    private final PersonRegistry registry;

    PersonBatch(JdbcClient jdbc, PiiSealer sealer, PersonRegistry registry) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.registry = registry;
    }

    private record Found(long id, String idKey, String phoneKey) {
    }

    /** The registry id of each identity, in order, creating the people nobody matches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long[] resolveAll(List<PersonRegistry.Checked> who) {
        return resolveAll(who, new HashMap<>());
    }

    /**
     * {@code sealed}: ciphertexts made in this call, by plaintext, so a new person's record reuses
     * the person's own (sealing is the import's main cost; equal values are linked by their keyed
     * hash anyway).
     */
    long[] resolveAll(List<PersonRegistry.Checked> who, Map<String, byte[]> sealed) {
        int n = who.size();
        byte[][] idHash = hashes(who, true);
        byte[][] phoneHash = hashes(who, false);
        long[] ids = new long[n];
        Map<String, Found> byId = byIdHash(nonNull(idHash));
        Map<String, List<Found>> byPhone = byPhoneHash(nonNull(phoneHash));
        List<IdFill> idFills = new ArrayList<>();
        List<PhoneFill> phoneFills = new ArrayList<>();
        List<Integer> unresolved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String idKey = key(idHash[i]);
            String phoneKey = key(phoneHash[i]);
            Found f = idKey == null ? null : byId.get(idKey);
            if (f == null && phoneKey != null) {
                // by phone only a record without an ID number, or with this one: two ID numbers are two people
                f = byPhone.getOrDefault(phoneKey, List.of()).stream()
                        .filter(c -> c.idKey() == null || c.idKey().equals(idKey)).findFirst().orElse(null);
                if (f != null && f.idKey() == null && idKey != null) {
                    PersonRegistry.Checked w = who.get(i);
                    idFills.add(new IdFill(f.id(), idHash[i], sealer.encrypt(w.id().value()), w.id().masked(),
                            w.id().male() ? "M" : "F", w.id().birthDate()));
                }
            }
            if (f == null) {
                unresolved.add(i);
                continue;
            }
            ids[i] = f.id();
            if (phoneKey != null && f.phoneKey() == null) { // fills a gap, never replaces another county's phone
                phoneFills.add(new PhoneFill(f.id(), phoneHash[i], sealer.encrypt(who.get(i).phone().value()),
                        who.get(i).phone().masked()));
            }
        }
        fillIn(idFills, phoneFills);
        insert(who, idHash, phoneHash, unresolved, ids, sealed);
        return ids;
    }

    /**
     * The registry id of each identity (0 for nobody), without creating anyone: by ID number, else
     * by phone, as {@link PersonRegistry#lookup} finds them. For matching lists against the registry.
     */
    @Transactional(readOnly = true)
    public long[] findAll(List<PersonRegistry.Checked> who) {
        int n = who.size();
        byte[][] idHash = hashes(who, true);
        byte[][] phoneHash = hashes(who, false);
        Map<String, Found> byId = byIdHash(nonNull(idHash));
        Map<String, List<Found>> byPhone = byPhoneHash(nonNull(phoneHash));
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            Found f = idHash[i] == null ? null : byId.get(key(idHash[i]));
            if (f == null && phoneHash[i] != null) {
                List<Found> candidates = byPhone.getOrDefault(key(phoneHash[i]), List.of());
                f = candidates.isEmpty() ? null : candidates.get(0);
            }
            ids[i] = f == null ? 0 : f.id();
        }
        return ids;
    }

    private Map<String, Found> byIdHash(byte[][] hashes) {
        Map<String, Found> found = new HashMap<>();
        if (hashes.length > 0) {
            jdbc.sql("""
                            select p.id_hash, coalesce(p.merged_into, p.id) as id, k.phone_hash
                            from person p join person k on k.id = coalesce(p.merged_into, p.id)
                            where p.id_hash = any(cast(:h as bytea[]))
                            """).param("h", hashes)
                    .query((rs, x) -> found.put(key(rs.getBytes(1)), new Found(rs.getLong(2), key(rs.getBytes(1)),
                            key(rs.getBytes(3)))))
                    .list();
        }
        return found;
    }

    private Map<String, List<Found>> byPhoneHash(byte[][] hashes) {
        Map<String, List<Found>> found = new HashMap<>();
        if (hashes.length > 0) {
            // every phone a person is known by: the registry's and each record's; one index probe per
            // phone in each (the registry's phone index covers live people only)
            jdbc.sql("""
                            select v.h, k.id, k.id_hash, k.phone_hash
                            from unnest(cast(:h as bytea[])) as v(h)
                            join lateral (select p.id from person p where p.phone_hash = v.h and p.merged_into is null
                                          union
                                          select coalesce(q.merged_into, q.id) from person_record r
                                          join person q on q.id = r.person_id where r.phone_hash = v.h) f on true
                            join person k on k.id = f.id and k.merged_into is null
                            order by k.id
                            """).param("h", hashes)
                    .query((rs, x) -> found.computeIfAbsent(key(rs.getBytes(1)), k -> new ArrayList<>())
                            .add(new Found(rs.getLong(2), key(rs.getBytes(3)), key(rs.getBytes(4)))))
                    .list();
        }
        return found;
    }

    /** A person known by phone alone learns their ID number. */
    private record IdFill(long personId, byte[] hash, byte[] sealed, String masked, String sex, LocalDate birth) {
    }

    /** A person without a phone learns one (a gap filled, never another county's phone replaced). */
    private record PhoneFill(long personId, byte[] hash, byte[] sealed, String masked) {
    }

    private void fillIn(List<IdFill> idFills, List<PhoneFill> phoneFills) {
        for (IdFill f : idFills) { // rare
            jdbc.sql("""
                            update person set id_hash = :h, id_sealed = :s, id_masked = :m, sex = :sex, birth_date = :birth,
                                              updated_at = now()
                            where id = :id and id_hash is null
                            """).param("h", f.hash()).param("s", f.sealed()).param("m", f.masked()).param("sex", f.sex())
                    .param("birth", f.birth()).param("id", f.personId()).update();
        }
        if (!phoneFills.isEmpty()) {
            int m = phoneFills.size();
            byte[][] hash = new byte[m][];
            byte[][] sealed = new byte[m][];
            String[] masked = new String[m];
            Long[] id = new Long[m];
            for (int i = 0; i < m; i++) {
                PhoneFill f = phoneFills.get(i);
                hash[i] = f.hash();
                sealed[i] = f.sealed();
                masked[i] = f.masked();
                id[i] = f.personId();
            }
            jdbc.sql("""
                            update person p set phone_hash = v.h, phone_sealed = v.s, phone_masked = v.m, updated_at = now()
                            from (select distinct on (id) * from unnest(cast(:id as bigint[]), cast(:h as bytea[]),
                                         cast(:s as bytea[]), cast(:m as text[])) with ordinality as x(id, h, s, m, o)
                                  order by id, o desc) v
                            where p.id = v.id and p.phone_hash is null
                            """).param("id", id).param("h", hash).param("s", sealed).param("m", masked).update();
        }
    }

    /** New people: one row per ID number (else phone) however often the file names them. */
    /**
     * The rows that name someone new for the first time ({@code rows}), and for each phone the file
     * also gives with an ID number, that person's key: a phone-only row of theirs is the same person.
     */
    private record NewPeople(List<Integer> rows, Map<String, String> idKeyByPhone) {

        static NewPeople of(List<Integer> unresolved, byte[][] idHash, byte[][] phoneHash) {
            Map<String, Integer> first = new HashMap<>();
            Map<String, String> idKeyByPhone = new HashMap<>();
            List<Integer> fresh = new ArrayList<>();
            for (int i : unresolved) {
                String k = idHash[i] != null ? "i" + key(idHash[i]) : "p" + key(phoneHash[i]);
                if (idHash[i] == null && idKeyByPhone.containsKey(key(phoneHash[i]))) {
                    k = idKeyByPhone.get(key(phoneHash[i])); // a phone-only row of someone the file also names by ID
                }
                if (first.putIfAbsent(k, i) == null) {
                    fresh.add(i);
                    if (idHash[i] != null && phoneHash[i] != null) {
                        idKeyByPhone.putIfAbsent(key(phoneHash[i]), k);
                    }
                }
            }
            return new NewPeople(fresh, idKeyByPhone);
        }
    }

    private void insert(List<PersonRegistry.Checked> who, byte[][] idHash, byte[][] phoneHash, List<Integer> rows, long[] ids,
                        Map<String, byte[]> sealed) {
        NewPeople newPeople = NewPeople.of(rows, idHash, phoneHash);
        List<Integer> fresh = newPeople.rows();
        Map<String, String> idKeyByPhone = newPeople.idKeyByPhone();
        if (fresh.isEmpty()) {
            return;
        }
        int m = fresh.size();
        byte[][] ih = new byte[m][], is = new byte[m][], ph = new byte[m][], ps = new byte[m][], ns = new byte[m][],
                nh = new byte[m][];
        String[] im = new String[m], pm = new String[m], nm = new String[m], sex = new String[m], birth = new String[m];
        for (int j = 0; j < m; j++) {
            int i = fresh.get(j);
            PersonRegistry.Checked w = who.get(i);
            ih[j] = idHash[i];
            ph[j] = phoneHash[i];
            if (w.id() != null) {
                is[j] = seal(sealed, w.id().value());
                im[j] = w.id().masked();
                sex[j] = w.id().male() ? "M" : "F";
                LocalDate b = w.id().birthDate();
                birth[j] = b == null ? null : b.toString();
            }
            if (w.phone() != null) {
                ps[j] = seal(sealed, w.phone().value());
                pm[j] = w.phone().masked();
            }
            ns[j] = seal(sealed, w.name());
            nm[j] = Masking.name(w.name());
            nh[j] = registry.nameHash(w.name());
        }
        // RETURNING order is not promised: the new ids are mapped back by hash
        Map<String, Long> newByKey = new HashMap<>();
        jdbc.sql("""
                        insert into person (id_hash, id_sealed, id_masked, phone_hash, phone_sealed, phone_masked,
                                            name_sealed, name_masked, name_hash, sex, birth_date)
                        select * from unnest(cast(:ih as bytea[]), cast(:is as bytea[]), cast(:im as text[]),
                                             cast(:ph as bytea[]), cast(:ps as bytea[]), cast(:pm as text[]),
                                             cast(:ns as bytea[]), cast(:nm as text[]), cast(:nh as bytea[]),
                                             cast(:sex as text[]), cast(:birth as date[]))
                        on conflict do nothing
                        returning id, id_hash, phone_hash
                        """)
                .param("ih", ih).param("is", is).param("im", im).param("ph", ph).param("ps", ps).param("pm", pm)
                .param("ns", ns).param("nm", nm).param("nh", nh).param("sex", sex).param("birth", birth)
                .query((rs, x) -> {
                    byte[] i = rs.getBytes(2);
                    return newByKey.put(i != null ? "i" + key(i) : "p" + key(rs.getBytes(3)), rs.getLong(1));
                }).list();
        if (newByKey.size() < m) {
            takeTheirs(ih, ph, newByKey);
        }
        for (int i : rows) {
            String k = idHash[i] != null ? "i" + key(idHash[i]) : idKeyByPhone.getOrDefault(key(phoneHash[i]), "p" + key(phoneHash[i]));
            ids[i] = newByKey.get(k);
        }
    }

    /** Someone else registered some of them meanwhile (the insert skipped those): their ids, by key. */
    private void takeTheirs(byte[][] ih, byte[][] ph, Map<String, Long> newByKey) {
        for (int j = 0; j < ih.length; j++) {
            String k = ih[j] != null ? "i" + key(ih[j]) : "p" + key(ph[j]);
            if (!newByKey.containsKey(k)) {
                newByKey.put(k, ih[j] != null
                        ? jdbc.sql("select coalesce(merged_into, id) from person where id_hash = :h").param("h", ih[j])
                                .query(Long.class).single()
                        : jdbc.sql("select id from person where phone_hash = :h and id_hash is null and merged_into is null")
                                .param("h", ph[j]).query(Long.class).single());
            }
        }
    }

    byte[] seal(Map<String, byte[]> sealed, String value) {
        return sealed.computeIfAbsent(value, sealer::encrypt);
    }

    /** The keyed hash of each identity's ID number (or phone), null where it has none. */
    byte[][] hashes(List<PersonRegistry.Checked> who, boolean idNumbers) {
        byte[][] hashes = new byte[who.size()][];
        for (int i = 0; i < hashes.length; i++) {
            PersonRegistry.Checked w = who.get(i);
            Object value = idNumbers ? w.id() : w.phone();
            hashes[i] = value == null ? null : sealer.hash(idNumbers ? w.id().value() : w.phone().value());
        }
        return hashes;
    }

    private static byte[][] nonNull(byte[][] hashes) {
        return Arrays.stream(hashes).filter(h -> h != null).toArray(byte[][]::new);
    }

    static String key(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }
}
