package org.fangkong.ledger.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.Workbooks;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.security.Actor;
import org.fangkong.ledger.internal.LedgerEnums;
import org.fangkong.person.PersonRecordBatch;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes checked resident rows in chunks of a few thousand with set-based statements: people,
 * households and memberships each in one statement per chunk. A member already living in the
 * household is updated (the last row of a file wins), anyone else is added.
 */
@Component
class ResidentBulkWriter {


    /** A checked row: where, who, and the ledger fields. */
    record Member(String place, String building, String address, PersonRegistry.Checked who,
                  LedgerEnums.Relation relation, LedgerEnums.Residence residence, LedgerEnums.Health health,
                  boolean keyArea, LocalDate left, LocalDate movedOut) {
    }

    private final JdbcClient jdbc;
    private final PersonRecordBatch persons;

    ResidentBulkWriter(JdbcClient jdbc, PersonRecordBatch persons) {
        this.jdbc = jdbc;
        this.persons = persons;
    }

    /** Writes every member in the caller's transaction, reporting rows written. */
    void write(List<Member> members, Actor actor, JobProgress progress) {
        progress.phase("writing", members.size());
        Map<String, Long> households = households(members, actor);
        for (int from = 0; from < members.size(); from += Workbooks.CHUNK) {
            List<Member> chunk = members.subList(from, Math.min(members.size(), from + Workbooks.CHUNK));
            PersonRecords.Enrolled[] enrolled = persons.enrolAll(chunk.stream().map(Member::who).toList(),
                    chunk.stream().map(Member::place).toList(), PersonRecords.Source.RESIDENT);
            long[] people = Arrays.stream(enrolled).mapToLong(PersonRecords.Enrolled::personId).toArray();
            // one row per membership, the last of the file winning
            Map<String, Integer> last = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                last.put(households.get(key(chunk.get(i))) + ":" + people[i], i);
            }
            int n = last.size();
            Long[] h = new Long[n], p = new Long[n], rec = new Long[n];
            String[] rel = new String[n], res = new String[n], health = new String[n], left = new String[n], out = new String[n];
            Boolean[] keyArea = new Boolean[n];
            int j = 0;
            for (int i : last.values()) {
                Member m = chunk.get(i);
                h[j] = households.get(key(m));
                p[j] = people[i];
                rec[j] = enrolled[i].recordId();
                rel[j] = m.relation().name();
                res[j] = m.residence().name();
                health[j] = m.health().name();
                keyArea[j] = m.keyArea();
                left[j] = m.left() == null ? null : m.left().toString();
                out[j] = m.movedOut() == null ? null : m.movedOut().toString();
                j++;
            }
            jdbc.sql("""
                            with v as (
                                select * from unnest(cast(:h as bigint[]), cast(:p as bigint[]), cast(:rec as bigint[]),
                                                     cast(:rel as text[]), cast(:res as text[]), cast(:health as text[]),
                                                     cast(:key as boolean[]), cast(:left as date[]), cast(:out as date[]))
                                       as v(h, p, rec, rel, res, health, key, left_on, out_on)
                            ), updated as (
                                update resident r set record_id = v.rec, relation = v.rel, residence = v.res, health = v.health,
                                                      from_key_area = v.key, left_key_area_on = v.left_on,
                                                      moved_out_on = v.out_on, updated_at = now()
                                from v where r.household_id = v.h and r.person_id = v.p and r.moved_out_on is null
                                returning r.household_id, r.person_id
                            )
                            insert into resident (household_id, person_id, record_id, relation, residence, health, from_key_area,
                                                  left_key_area_on, moved_out_on)
                            select h, p, rec, rel, res, health, key, left_on, out_on from v
                            where not exists (select 1 from updated u where u.household_id = v.h and u.person_id = v.p)
                            """)
                    .param("h", h).param("p", p).param("rec", rec).param("rel", rel).param("res", res).param("health", health)
                    .param("key", keyArea).param("left", left).param("out", out).update();
            progress.done(from + chunk.size());
        }
    }

    /** The household of each (place, building, address), the first on record or a new one. */
    private Map<String, Long> households(List<Member> members, Actor actor) {
        Map<String, Member> distinct = new LinkedHashMap<>();
        for (Member m : members) {
            distinct.putIfAbsent(key(m), m);
        }
        int n = distinct.size();
        String[] j = new String[n], b = new String[n], a = new String[n];
        int i = 0;
        for (Member m : distinct.values()) {
            j[i] = m.place();
            b[i] = m.building();
            a[i] = m.address();
            i++;
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        select distinct on (h.jurisdiction_code, h.building, h.address) h.id, h.jurisdiction_code, h.building, h.address
                        from household h
                        join unnest(cast(:j as text[]), cast(:b as text[]), cast(:a as text[])) as v(j, b, a)
                          on h.jurisdiction_code = v.j and h.building = v.b and h.address = v.a
                        order by h.jurisdiction_code, h.building, h.address, h.id
                        """).param("j", j).param("b", b).param("a", a)
                .query((rs, x) -> ids.put(key(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(1))).list();
        List<Member> missing = new ArrayList<>();
        distinct.forEach((k, m) -> {
            if (!ids.containsKey(k)) {
                missing.add(m);
            }
        });
        if (!missing.isEmpty()) {
            jdbc.sql("""
                            insert into household (jurisdiction_code, building, address, created_by)
                            select j, b, a, :by from unnest(cast(:j as text[]), cast(:b as text[]), cast(:a as text[])) as v(j, b, a)
                            on conflict (jurisdiction_code, building, address) do update set building = excluded.building
                            returning id, jurisdiction_code, building, address
                            """)
                    .param("j", missing.stream().map(Member::place).toArray(String[]::new))
                    .param("b", missing.stream().map(Member::building).toArray(String[]::new))
                    .param("a", missing.stream().map(Member::address).toArray(String[]::new))
                    .param("by", actor.username())
                    .query((rs, x) -> ids.put(key(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(1))).list();
        }
        return ids;
    }

    private static String key(Member m) {
        return key(m.place(), m.building(), m.address());
    }

    private static String key(String place, String building, String address) {
        return place + '\u0000' + building + '\u0000' + address;
    }
}
