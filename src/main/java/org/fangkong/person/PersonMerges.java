package org.fangkong.person;

import java.time.LocalDate;

import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two records of one person (the same person typed twice): the kept person takes the ID
 * number or phone it lacked, every module repoints its rows through {@link PersonsMerged} in the
 * same transaction, and the merged person stays only as a pointer. Both people must be held by a
 * row of the caller's subtree, else the caller learns nothing, not even that the id exists.
 */
@Service
public class PersonMerges {

    private final JdbcClient jdbc;
    private final PersonRecords records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PersonMerges(JdbcClient jdbc, PersonRecords records, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
        this.events = events;
    }

    private record MovedId(byte[] hash, byte[] sealed, String masked, String sex, LocalDate birth) {
    }

    /** Merges {@code merged} into {@code kept} for a caller whose subtree is {@code scopePath}; audited. */
    @Transactional
    public void merge(long kept, long merged, String reason, String scopePath) {
        if (kept == merged) {
            throw new FieldException("merged", "validation.person.mergeSelf");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldException("reason", "validation.reason.required");
        }
        // lock both (in id order: two merges of one pair never deadlock), then check the scope
        int locked = jdbc.sql("select count(*) from (select id from person where id in (:a, :b) order by id for update) x")
                .param("a", kept).param("b", merged).query(Integer.class).single();
        if (locked < 2 || !records.inScope(kept, scopePath) || !records.inScope(merged, scopePath)) {
            throw new NotFoundException("person");
        }
        int alreadyMerged = jdbc.sql("select count(*) from person where id in (:a, :b) and merged_into is not null")
                .param("a", kept).param("b", merged).query(Integer.class).single();
        if (alreadyMerged > 0) {
            throw new FieldException("merged", "validation.person.alreadyMerged");
        }
        moveIdNumber(kept, merged);
        jdbc.sql("""
                        update person p set phone_hash = m.phone_hash, phone_sealed = m.phone_sealed,
                                            phone_masked = m.phone_masked, updated_at = now()
                        from person m where p.id = :k and m.id = :m and p.phone_hash is null
                        """).param("k", kept).param("m", merged).update();
        jdbc.sql("update person set merged_into = :k, updated_at = now() where id = :m or merged_into = :m")
                .param("k", kept).param("m", merged).update();
        // records follow, unless the kept person has the very same record already (then the pointer finds it)
        jdbc.sql("""
                        update person_record r set person_id = :k where person_id = :m
                          and not exists (select 1 from person_record x where x.person_id = :k
                                          and x.jurisdiction_code = r.jurisdiction_code and x.source = r.source
                                          and x.name_hash = r.name_hash and x.id_hash is not distinct from r.id_hash
                                          and x.phone_hash is not distinct from r.phone_hash)
                        """).param("k", kept).param("m", merged).update();
        events.publishEvent(new PersonsMerged(kept, merged));
        audit.record(AuditActions.PERSON_MERGE, "person:" + merged + "->" + kept, reason);
    }

    /** The ID number moves over when the kept person has none (its hash is unique: cleared first). */
    private void moveIdNumber(long kept, long merged) {
        boolean keptHasId = jdbc.sql("select id_hash is not null from person where id = :k").param("k", kept)
                .query(Boolean.class).single();
        if (keptHasId) {
            return;
        }
        jdbc.sql("select id_hash, id_sealed, id_masked, sex, birth_date from person where id = :m and id_hash is not null")
                .param("m", merged)
                .query((rs, n) -> new MovedId(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .optional().ifPresent(moved -> {
                    jdbc.sql("update person set id_hash = null, merged_into = :k where id = :m")
                            .param("k", kept).param("m", merged).update();
                    jdbc.sql("""
                                    update person set id_hash = :h, id_sealed = :s, id_masked = :masked, sex = :sex,
                                                      birth_date = :birth, updated_at = now()
                                    where id = :k
                                    """)
                            .param("k", kept).param("h", moved.hash()).param("s", moved.sealed()).param("masked", moved.masked())
                            .param("sex", moved.sex()).param("birth", moved.birth()).update();
                });
    }
}
