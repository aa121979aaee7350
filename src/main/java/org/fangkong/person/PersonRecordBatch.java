package org.fangkong.person;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recorded identities for a whole file (登记身份, {@link PersonRecords}): the people resolved in
 * chunks by {@link PersonBatch}, then each row's identity kept as its place typed it, records made
 * before found by key instead of sealed again.
 */
@Service
public class PersonRecordBatch {

    private final JdbcClient jdbc;
    private final PersonBatch batch;
    private final PersonRegistry registry;

    PersonRecordBatch(JdbcClient jdbc, PersonBatch batch, PersonRegistry registry) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.registry = registry;
    }

    /**
     * {@link PersonRecords#enrol} for a whole file: each identity resolved, and kept as the row's
     * place recorded it ({@code places} in the same order), one statement per chunk.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PersonRecords.Enrolled[] enrolAll(List<PersonRegistry.Checked> who, List<String> places, PersonRecords.Source source) {
        Map<String, byte[]> sealed = new HashMap<>();
        long[] people = batch.resolveAll(who, sealed);
        int n = who.size();
        Map<String, Integer> firstOf = new HashMap<>();
        String[] keys = new String[n];
        List<Integer> distinct = new ArrayList<>();
        byte[][] nameHash = new byte[n][];
        byte[][] idHash = batch.hashes(who, true);
        byte[][] phoneHash = batch.hashes(who, false);
        for (int i = 0; i < n; i++) {
            nameHash[i] = registry.nameHash(who.get(i).name());
            keys[i] = recordKey(people[i], places.get(i), nameHash[i], idHash[i], phoneHash[i]);
            if (firstOf.putIfAbsent(keys[i], i) == null) {
                distinct.add(i);
            }
        }
        // records made before (a file imported again) are found by their key, not sealed again
        Map<String, Long> recordByKey = existingRecords(distinct, people, places, nameHash, idHash, phoneHash, source);
        distinct.removeIf(i -> recordByKey.containsKey(keys[i]));
        int m = distinct.size();
        Long[] person = new Long[m];
        String[] place = new String[m], nm = new String[m], im = new String[m], pm = new String[m], sex = new String[m],
                birth = new String[m];
        byte[][] ns = new byte[m][], nh = new byte[m][], ih = new byte[m][], is = new byte[m][], ph = new byte[m][],
                ps = new byte[m][];
        for (int j = 0; j < m; j++) {
            int i = distinct.get(j);
            PersonRegistry.Checked w = who.get(i);
            person[j] = people[i];
            place[j] = places.get(i);
            ns[j] = batch.seal(sealed, w.name());
            nm[j] = Masking.name(w.name());
            nh[j] = nameHash[i];
            ih[j] = idHash[i];
            ph[j] = phoneHash[i];
            if (w.id() != null) {
                is[j] = batch.seal(sealed, w.id().value());
                im[j] = w.id().masked();
                sex[j] = w.id().male() ? "M" : "F";
                birth[j] = w.id().birthDate() == null ? null : w.id().birthDate().toString();
            }
            if (w.phone() != null) {
                ps[j] = batch.seal(sealed, w.phone().value());
                pm[j] = w.phone().masked();
            }
        }
        if (m > 0) {
            jdbc.sql(PersonRecords.UPSERT + """
                            select p, cast(:src as text), j, ns, nm, nh, ih, is_, im, ph, ps, pm, sex, birth
                            from unnest(cast(:p as bigint[]), cast(:j as text[]), cast(:ns as bytea[]), cast(:nm as text[]),
                                        cast(:nh as bytea[]), cast(:ih as bytea[]), cast(:is as bytea[]), cast(:im as text[]),
                                        cast(:ph as bytea[]), cast(:ps as bytea[]), cast(:pm as text[]), cast(:sex as text[]),
                                        cast(:birth as date[])) as v(p, j, ns, nm, nh, ih, is_, im, ph, ps, pm, sex, birth)
                            """ + PersonRecords.ON_CONFLICT
                            + " returning id, person_id, jurisdiction_code, name_hash, id_hash, phone_hash")
                    .param("src", source.name()).param("p", person).param("j", place).param("ns", ns).param("nm", nm)
                    .param("nh", nh).param("ih", ih).param("is", is).param("im", im).param("ph", ph).param("ps", ps)
                    .param("pm", pm).param("sex", sex).param("birth", birth)
                    .query((rs, x) -> recordByKey.put(recordKey(rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5),
                            rs.getBytes(6)), rs.getLong(1)))
                    .list();
        }
        PersonRecords.Enrolled[] enrolled = new PersonRecords.Enrolled[n];
        for (int i = 0; i < n; i++) {
            enrolled[i] = new PersonRecords.Enrolled(people[i], recordByKey.get(keys[i]));
        }
        return enrolled;
    }

    private Map<String, Long> existingRecords(List<Integer> rows, long[] people, List<String> places, byte[][] nameHash,
                                              byte[][] idHash, byte[][] phoneHash, PersonRecords.Source source) {
        Map<String, Long> found = new HashMap<>();
        if (rows.isEmpty()) {
            return found;
        }
        int m = rows.size();
        Long[] p = new Long[m];
        String[] j = new String[m];
        byte[][] nh = new byte[m][], ih = new byte[m][], ph = new byte[m][];
        for (int k = 0; k < m; k++) {
            int i = rows.get(k);
            p[k] = people[i];
            j[k] = places.get(i);
            nh[k] = nameHash[i];
            ih[k] = idHash[i];
            ph[k] = phoneHash[i];
        }
        jdbc.sql("""
                        select r.id, r.person_id, r.jurisdiction_code, r.name_hash, r.id_hash, r.phone_hash
                        from unnest(cast(:p as bigint[]), cast(:j as text[]), cast(:nh as bytea[]), cast(:ih as bytea[]),
                                    cast(:ph as bytea[])) as v(p, j, nh, ih, ph)
                        cross join lateral (
                            -- one index probe per key: the limit keeps the planner from flattening this into a
                            -- join, which it planned as a parallel scan of the whole table for every chunk
                            select x.* from person_record x where x.person_id = v.p and x.jurisdiction_code = v.j
                              and x.source = :src and x.name_hash = v.nh
                              and x.id_hash is not distinct from v.ih and x.phone_hash is not distinct from v.ph
                            limit 1
                        ) r
                        """).param("p", p).param("j", j).param("nh", nh).param("ih", ih).param("ph", ph).param("src", source.name())
                .query((rs, x) -> found.put(recordKey(rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5),
                        rs.getBytes(6)), rs.getLong(1)))
                .list();
        return found;
    }

    private static String recordKey(long person, String place, byte[] name, byte[] id, byte[] phone) {
        return person + "|" + place + "|" + PersonBatch.key(name) + "|" + PersonBatch.key(id) + "|" + PersonBatch.key(phone);
    }
}
