package org.fangkong.tracing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fangkong.checkin.LastSeen;
import org.fangkong.common.DayText;
import org.fangkong.common.Masking;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.jobs.Jobs;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.ledger.LedgerWhereabouts;
import org.fangkong.ledger.Whereabouts;
import org.fangkong.person.PersonBatch;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 对比摸排 (RULES.md "Cross-matching"): an uploaded list matched by keyed hash of ID number, then of
 * phone, against the person registry, the ledgers (where the person lives or was registered, the
 * last checkpoint) and the check-ins (last venue). Each placed match becomes a follow-up task for
 * that village, community or grid; misses and bad rows are kept too. Runs as a job, in chunks, in
 * one transaction: a list is matched completely or not at all.
 */
@Service
public class CrossMatching {

    static final int CHUNK = 5_000;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final PiiSealer sealer;
    private final PersonBatch persons;
    private final LedgerWhereabouts whereabouts;
    private final LastSeen lastSeen;
    private final AuditTrail audit;
    private final PersonRecords records;

    CrossMatching(JdbcClient jdbc, JdbcTemplate batch, Jobs jobs, PlatformTransactionManager txManager, PiiSealer sealer,
                  PersonBatch persons, PersonRecords records, LedgerWhereabouts whereabouts, LastSeen lastSeen, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
        this.jdbc = jdbc;
        this.batch = batch;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
        this.sealer = sealer;
        this.persons = persons;
        this.whereabouts = whereabouts;
        this.lastSeen = lastSeen;
    }

    static boolean mayMatch(Actor actor) {
        return actor.is(Role.OFFICER) || actor.is(Role.COMMANDER) || actor.is(Role.ADMIN);
    }

    static void requireMatcher(Actor actor) {
        if (!mayMatch(actor)) {
            throw new AccessDeniedException("only officers, commanders and admins match lists");
        }
    }

    /** A list being matched: its id (for its page) and the job showing the progress. */
    public record Started(long listId, UUID job) {
    }

    /** Starts matching an uploaded list; the list's page shows progress and then the results. */
    public Started start(byte[] file, String fileName, String listName, Actor actor) {
        requireMatcher(actor);
        if (file == null || file.length == 0) {
            throw new FieldException("file", "validation.import.empty");
        }
        String name = listName == null || listName.isBlank() ? (fileName == null ? "" : fileName.strip()) : listName.strip();
        if (name.isBlank()) {
            throw new FieldException("name", "validation.matching.name");
        }
        // read (bounded) before the job: a file that cannot be read, or breaks a limit, is a 400 now
        List<MatchListFile.Line> lines = MatchListFile.read(file, fileName);
        long listId = jdbc.sql("""
                        insert into match_list (name, file_name, scope_code, scope_path, uploaded_by)
                        values (:name, :file, :scope, cast(:path as ltree), :by) returning id
                        """)
                .param("name", name.length() > 200 ? name.substring(0, 200) : name)
                .param("file", fileName == null ? "" : fileName).param("scope", actor.scopeCode())
                .param("path", actor.scopePath()).param("by", actor.username()).query(Long.class).single();
        UUID job = jobs.start("matching", actor, "/matching/" + listId, progress -> {
            try {
                return tx.execute(status -> match(listId, lines, progress));
            } catch (RuntimeException e) {
                jdbc.sql("update match_list set state = 'FAILED' where id = :id").param("id", listId).update();
                throw e;
            }
        });
        jdbc.sql("update match_list set job_id = :job where id = :id").param("job", job).param("id", listId).update();
        audit.record(AuditActions.MATCH_LIST_UPLOADED, "match-list:" + listId, null);
        return new Started(listId, job);
    }

    private Map<String, Object> match(long listId, List<MatchListFile.Line> lines, JobProgress progress) {
        progress.phase("matching", lines.size());
        int matched = 0;
        int invalid = 0;
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<MatchListFile.Line> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            List<Object[]> rows = matchChunk(listId, chunk);
            batch.batchUpdate("""
                    insert into match_row (list_id, row_no, name_sealed, name_masked, id_sealed, id_masked, phone_sealed,
                                           phone_masked, left_on, arrived_on, error_field, error_key, person_id, matched,
                                           source, jurisdiction_code, household_id, address, venue_name, last_seen_at,
                                           checkpoint_name, passed_at, venue_jurisdiction, checkpoint_jurisdiction)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, rows);
            for (Object[] r : rows) {
                matched += Boolean.TRUE.equals(r[13]) ? 1 : 0;
                invalid += r[11] != null ? 1 : 0;
            }
            progress.done(from + chunk.size());
        }
        int tasks = jdbc.sql("""
                        insert into follow_up_task (list_id, row_no, jurisdiction_code)
                        select list_id, row_no, jurisdiction_code from match_row
                        where list_id = :l and matched and jurisdiction_code is not null
                        """).param("l", listId).update();
        jdbc.sql("update match_list set state = 'DONE', total = :t, matched = :m, invalid = :i where id = :l")
                .param("t", lines.size()).param("m", matched).param("i", invalid).param("l", listId).update();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("list", listId);
        result.put("rows", lines.size());
        result.put("matched", matched);
        result.put("invalid", invalid);
        result.put("tasks", tasks);
        return result;
    }

    /** One chunk: check every row, find the people, place them; answers the rows to insert. */
    private List<Object[]> matchChunk(long listId, List<MatchListFile.Line> chunk) {
        int n = chunk.size();
        PersonRegistry.Checked[] checked = new PersonRegistry.Checked[n];
        LocalDate[] left = new LocalDate[n];
        LocalDate[] arrived = new LocalDate[n];
        String[] errorField = new String[n];
        String[] errorKey = new String[n];
        List<PersonRegistry.Checked> valid = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MatchListFile.Line line = chunk.get(i);
            try {
                checked[i] = PersonRegistry.contact(line.idNumber(), line.phone());
                left[i] = day(line.left(), "left");
                arrived[i] = day(line.arrived(), "arrived");
                valid.add(checked[i]);
            } catch (FieldException e) {
                checked[i] = null;
                errorField[i] = e.field();
                errorKey[i] = e.messageKey();
            }
        }
        long[] found = persons.findAll(valid);
        long[] personOf = new long[n];
        byte[][] phoneHash = new byte[n][];
        List<byte[]> phones = new ArrayList<>();
        for (int i = 0, v = 0; i < n; i++) {
            if (checked[i] != null) {
                personOf[i] = found[v++];
                if (checked[i].phone() != null) {
                    phoneHash[i] = sealer.hash(checked[i].phone().value());
                    phones.add(phoneHash[i]);
                }
            }
        }
        long[] matchedPeople = Arrays.stream(personOf).filter(p -> p != 0).toArray();
        Map<Long, Whereabouts> where = whereabouts.of(matchedPeople);
        // the last check-in under the list's phone or any phone the person is known by
        Map<Long, List<byte[]>> phonesOf = records.phoneHashes(Arrays.stream(matchedPeople).boxed().toList());
        phonesOf.values().forEach(phones::addAll);
        Map<String, LastSeen.Sighting> seen = new HashMap<>();
        for (LastSeen.Sighting s : lastSeen.of(phones.toArray(byte[][]::new))) {
            seen.put(HEX.formatHex(s.phoneHash()), s);
        }
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MatchListFile.Line line = chunk.get(i);
            Object[] r = new Object[24];
            r[0] = listId;
            r[1] = line.number();
            String name = line.name().length() > 100 ? line.name().substring(0, 100) : line.name();
            r[2] = name.isEmpty() ? null : sealer.encrypt(name);
            r[3] = name.isEmpty() ? "" : Masking.name(name);
            if (checked[i] == null) { // a bad row: keep what it said (to correct it from the export), named by row
                if (!line.idNumber().isEmpty()) {
                    r[4] = sealer.encrypt(line.idNumber());
                    r[5] = Masking.idNumber(line.idNumber());
                }
                if (!line.phone().isEmpty()) {
                    r[6] = sealer.encrypt(line.phone());
                    r[7] = Masking.phone(line.phone());
                }
                r[10] = errorField[i];
                r[11] = errorKey[i];
                r[13] = false;
                rows.add(r);
                continue;
            }
            PersonRegistry.Checked c = checked[i];
            if (c.id() != null) {
                r[4] = sealer.encrypt(c.id().value());
                r[5] = c.id().masked();
            }
            if (c.phone() != null) {
                r[6] = sealer.encrypt(c.phone().value());
                r[7] = c.phone().masked();
            }
            r[8] = left[i];
            r[9] = arrived[i];
            r[12] = personOf[i] == 0 ? null : personOf[i];
            Whereabouts w = personOf[i] == 0 ? null : where.get(personOf[i]);
            LastSeen.Sighting s = latest(seen, phoneHash[i], personOf[i] == 0 ? List.of() : phonesOf.getOrDefault(personOf[i], List.of()));
            String source = null;
            String place = null;
            if (w != null && w.placed()) {
                source = w.source();
                place = w.jurisdictionCode();
                r[16] = w.householdId();
                r[17] = w.address();
            } else if (w != null && w.checkpointJurisdiction() != null) {
                source = "CHECKPOINT";
                place = w.checkpointJurisdiction();
            } else if (s != null) {
                source = "CHECKIN";
                place = s.jurisdictionCode();
            } else if (personOf[i] != 0) {
                source = "PERSON";
            }
            r[13] = source != null;
            r[14] = source;
            r[15] = place;
            if (s != null) {
                r[18] = s.venueName();
                r[19] = Timestamp.from(s.at());
                r[22] = s.jurisdictionCode();
            }
            if (w != null && w.passedAt() != null) {
                r[20] = w.checkpointName();
                r[21] = Timestamp.from(w.passedAt());
                r[23] = w.checkpointJurisdiction();
            }
            rows.add(r);
        }
        return rows;
    }

    private static LastSeen.Sighting latest(Map<String, LastSeen.Sighting> seen, byte[] listPhone, List<byte[]> known) {
        LastSeen.Sighting last = listPhone == null ? null : seen.get(HEX.formatHex(listPhone));
        for (byte[] h : known) {
            LastSeen.Sighting s = seen.get(HEX.formatHex(h));
            if (s != null && (last == null || s.at().isAfter(last.at()))) {
                last = s;
            }
        }
        return last;
    }

    private static LocalDate day(String text, String field) {
        try {
            return DayText.parseOrNull(text);
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, "validation.import.date");
        }
    }
}
