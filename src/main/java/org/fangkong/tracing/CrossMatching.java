package org.fangkong.tracing;

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
 * 对比摸排 (docs/rules.md "Cross-matching"): an uploaded list matched by keyed hash of ID number, then of
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
            List<MatchedLine> rows = matchChunk(listId, chunk);
            batch.batchUpdate(MatchedLine.INSERT, rows.stream().map(MatchedLine::insertValues).toList());
            matched += (int) rows.stream().filter(MatchedLine::matched).count();
            invalid += (int) rows.stream().filter(MatchedLine::invalid).count();
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

    /** A line of the file checked: the identity and days it gave, or the field and message of its first fault. */
    private record CheckedLine(MatchListFile.Line line, PersonRegistry.Checked who, LocalDate left, LocalDate arrived,
                               String errorField, String errorKey) {

        static CheckedLine of(MatchListFile.Line line) {
            try {
                return new CheckedLine(line, PersonRegistry.contact(line.idNumber(), line.phone()), day(line.left(), "left"),
                        day(line.arrived(), "arrived"), null, null);
            } catch (FieldException e) {
                return new CheckedLine(line, null, null, null, e.field(), e.messageKey());
            }
        }

        boolean valid() {
            return who != null;
        }
    }

    /** One chunk: check every line, find the people, place them; answers the rows to insert. */
    private List<MatchedLine> matchChunk(long listId, List<MatchListFile.Line> chunk) {
        List<CheckedLine> lines = chunk.stream().map(CheckedLine::of).toList();
        long[] found = persons.findAll(lines.stream().filter(CheckedLine::valid).map(CheckedLine::who).toList());
        int n = lines.size();
        long[] personOf = new long[n];
        byte[][] phoneHash = new byte[n][];
        List<byte[]> phones = new ArrayList<>();
        for (int i = 0, v = 0; i < n; i++) {
            PersonRegistry.Checked who = lines.get(i).who();
            if (who != null) {
                personOf[i] = found[v++];
                if (who.phone() != null) {
                    phoneHash[i] = sealer.hash(who.phone().value());
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
        List<MatchedLine> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CheckedLine line = lines.get(i);
            if (!line.valid()) {
                rows.add(rejected(listId, line));
                continue;
            }
            long person = personOf[i];
            rows.add(placed(listId, line, person == 0 ? null : person, person == 0 ? null : where.get(person),
                    latest(seen, phoneHash[i], person == 0 ? List.of() : phonesOf.getOrDefault(person, List.of()))));
        }
        return rows;
    }

    /** A bad line keeps what it said (to correct it from the export), named by its row. */
    private MatchedLine rejected(long listId, CheckedLine checked) {
        MatchListFile.Line line = checked.line();
        String name = name(line);
        boolean id = !line.idNumber().isEmpty();
        boolean phone = !line.phone().isEmpty();
        return new MatchedLine(listId, line.number(), name.isEmpty() ? null : sealer.encrypt(name), name.isEmpty() ? "" : Masking.name(name),
                id ? sealer.encrypt(line.idNumber()) : null, id ? Masking.idNumber(line.idNumber()) : null,
                phone ? sealer.encrypt(line.phone()) : null, phone ? Masking.phone(line.phone()) : null, null, null,
                checked.errorField(), checked.errorKey(), null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A good line, placed by the first that knows the person: where a ledger has them living or
     * registered, else the checkpoint they last passed, else the venue of their last check-in; a
     * person the registry knows and nothing places is still a match (source {@code PERSON}).
     */
    private MatchedLine placed(long listId, CheckedLine checked, Long person, Whereabouts w, LastSeen.Sighting s) {
        MatchListFile.Line line = checked.line();
        PersonRegistry.Checked c = checked.who();
        String name = name(line);
        String source = null;
        String place = null;
        boolean home = w != null && w.placed();
        if (home) {
            source = w.source();
            place = w.jurisdictionCode();
        } else if (w != null && w.checkpointJurisdiction() != null) {
            source = "CHECKPOINT";
            place = w.checkpointJurisdiction();
        } else if (s != null) {
            source = "CHECKIN";
            place = s.jurisdictionCode();
        } else if (person != null) {
            source = "PERSON";
        }
        boolean passed = w != null && w.passedAt() != null;
        return new MatchedLine(listId, line.number(), name.isEmpty() ? null : sealer.encrypt(name), name.isEmpty() ? "" : Masking.name(name),
                c.id() == null ? null : sealer.encrypt(c.id().value()), c.id() == null ? null : c.id().masked(),
                c.phone() == null ? null : sealer.encrypt(c.phone().value()), c.phone() == null ? null : c.phone().masked(),
                checked.left(), checked.arrived(), null, null, person, source, place,
                home ? w.householdId() : null, home ? w.address() : null,
                s == null ? null : s.venueName(), s == null ? null : s.at(),
                passed ? w.checkpointName() : null, passed ? w.passedAt() : null,
                s == null ? null : s.jurisdictionCode(), passed ? w.checkpointJurisdiction() : null);
    }

    private static String name(MatchListFile.Line line) {
        return line.name().length() > 100 ? line.name().substring(0, 100) : line.name();
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
