package org.fangkong.offline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a batch of entries made offline, each exactly once: the entry's key is written in the same
 * transaction as its rows, so a batch sent twice (a lost answer, a retry) writes nothing the second
 * time and answers what the first time answered. An entry the ledger refuses (the order released in
 * the meantime, the household gone, a newer report) is answered as a conflict with what happened, and
 * that answer is kept for its key too: nothing is dropped silently.
 */
@Service
public class OfflineSync {

    /** At most this many entries in one batch (a day of a busy gate is far below). */
    public static final int MAX_ENTRIES = 1_000;
    /** An entry made longer ago than this is refused: a phone's clock or queue gone wrong. */
    static final Duration OLDEST = Duration.ofDays(14);
    /** A phone's clock may run this far ahead. */
    static final Duration AHEAD = Duration.ofMinutes(10);

    /** {@code FAILED}: the server could not apply it this time (not kept): the phone keeps it and sends it again. */
    public enum Outcome { STORED, CONFLICT, REJECTED, FAILED }

    /**
     * One queued entry as the phone sends it. The payload's fields depend on the kind (docs/api.md); ids in
     * it (checkpoint, order, household) are looked up in the caller's scope by the ledger: one out of reach
     * is answered as a conflict for that entry, not as a 404 for the batch.
     */
    @Schema(name = "OfflineEntry")
    public record Entry(String key, String kind, Instant enteredAt,
                        @Schema(type = "object", description = "the entry's fields, by kind (docs/api.md)") JsonNode payload) {
    }

    /**
     * What became of an entry: {@code replayed} when answered from the entry's first sync;
     * {@code id} the row written; {@code messageKey}/{@code args} what to tell the worker; {@code field}
     * the field a refusal is about.
     */
    public record Result(String key, Outcome outcome, boolean replayed, Long id, String field, String messageKey,
                         List<String> args) {
    }

    private static final Logger log = LoggerFactory.getLogger(OfflineSync.class);

    private final JdbcClient jdbc;
    private final Map<String, OfflineEntryHandler> handlers;
    private final TransactionTemplate eachOnItsOwn;
    private final JsonMapper json;
    private final Clock clock;

    OfflineSync(JdbcClient jdbc, List<OfflineEntryHandler> handlers, PlatformTransactionManager transactions, JsonMapper json,
                Clock clock) {
        this.jdbc = jdbc;
        this.handlers = handlers.stream().collect(Collectors.toMap(OfflineEntryHandler::kind, Function.identity()));
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    /** The kinds this server takes, for the phone's page. */
    public List<String> kinds() {
        return handlers.keySet().stream().sorted().toList();
    }

    /** Applies the entries in the order given (the order they were made), one transaction each. */
    public List<Result> apply(List<Entry> entries, Actor actor) {
        if (entries == null || entries.isEmpty()) {
            throw new FieldException("entries", "validation.offline.empty");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new FieldException("entries", "validation.offline.tooMany", MAX_ENTRIES);
        }
        List<Result> results = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            results.add(one(e, actor));
        }
        return results;
    }

    private Result one(Entry e, Actor actor) {
        UUID key;
        try {
            key = UUID.fromString(e.key() == null ? "" : e.key().strip());
        } catch (IllegalArgumentException bad) {
            // without a key there is nothing to keep the answer under: refused, not stored
            return new Result(e.key(), Outcome.REJECTED, false, null, "key", "validation.offline.key", List.of());
        }
        Instant now = clock.instant();
        OfflineEntryHandler handler = handlers.get(e.kind());
        try {
            if (handler == null) {
                throw new FieldException("kind", "validation.offline.kind");
            }
            if (e.enteredAt() == null || e.enteredAt().isAfter(now.plus(AHEAD)) || e.enteredAt().isBefore(now.minus(OLDEST))) {
                throw new FieldException("enteredAt", "validation.offline.enteredAt");
            }
            return eachOnItsOwn.execute(status -> {
                int claimed = jdbc.sql("""
                                insert into offline_entry (entry_key, staff_user, kind, entered_at, outcome, result)
                                values (:k, :u, :kind, :at, 'STORED', '{}'::jsonb) on conflict (entry_key) do nothing
                                """).param("k", key).param("u", actor.userId()).param("kind", e.kind())
                        .param("at", Timestamp.from(e.enteredAt())).update();
                if (claimed == 0) {
                    return stored(key, actor);
                }
                OfflineEntryHandler.Applied applied = handler.apply(e.payload() == null ? json.createObjectNode() : e.payload(),
                        e.enteredAt(), actor);
                Result r = new Result(key.toString(), Outcome.STORED, false, applied.id(), null, applied.messageKey(),
                        strings(applied.args()));
                keep(key, r);
                return r;
            });
        } catch (ConflictException | NotFoundException c) {
            return refused(key, e, actor, Outcome.CONFLICT, c);
        } catch (FieldException | InvalidValueException | AccessDeniedException f) {
            return refused(key, e, actor, Outcome.REJECTED, f);
        } catch (RuntimeException unexpected) {
            // one entry the server cannot apply must not hold up the others behind it; nothing is kept for its key
            log.error("Offline entry of kind {} failed", e.kind(), unexpected);
            return new Result(key.toString(), Outcome.FAILED, false, null, null, "offline.failed", List.of());
        }
    }

    /** A refusal is kept under the entry's key as well: the retry of a refused entry gets the same answer. */
    private Result refused(UUID key, Entry e, Actor actor, Outcome outcome, RuntimeException why) {
        Result r;
        if (why instanceof FieldException f) {
            r = new Result(key.toString(), outcome, false, null, f.field(), f.messageKey(), strings(f.args()));
        } else if (why instanceof InvalidValueException v) {
            r = new Result(key.toString(), outcome, false, null, null, v.messageKey(), strings(v.args()));
        } else if (why instanceof NotFoundException) {
            r = new Result(key.toString(), outcome, false, null, null, "offline.conflict.gone", List.of());
        } else {
            r = new Result(key.toString(), outcome, false, null, null, "error.forbidden.detail", List.of());
        }
        return eachOnItsOwn.execute(status -> {
            int claimed = jdbc.sql("""
                            insert into offline_entry (entry_key, staff_user, kind, entered_at, outcome, result)
                            values (:k, :u, :kind, :at, :o, cast(:r as jsonb)) on conflict (entry_key) do nothing
                            """).param("k", key).param("u", actor.userId()).param("kind", String.valueOf(e.kind()))
                    .param("at", Timestamp.from(e.enteredAt() == null ? clock.instant() : e.enteredAt()))
                    .param("o", outcome.name()).param("r", json.writeValueAsString(r)).update();
            return claimed == 0 ? stored(key, actor) : r;
        });
    }

    private void keep(UUID key, Result r) {
        jdbc.sql("update offline_entry set outcome = :o, result = cast(:r as jsonb) where entry_key = :k")
                .param("o", r.outcome().name()).param("r", json.writeValueAsString(r)).param("k", key).update();
    }

    /** The first answer for a key; another user's key is not theirs to read back. */
    private Result stored(UUID key, Actor actor) {
        return jdbc.sql("select staff_user, result::text from offline_entry where entry_key = :k").param("k", key)
                .query((rs, n) -> {
                    if (rs.getLong(1) != actor.userId()) {
                        return new Result(key.toString(), Outcome.REJECTED, false, null, "key", "validation.offline.key", List.of());
                    }
                    Result first = json.readValue(rs.getString(2), Result.class);
                    return new Result(first.key(), first.outcome(), true, first.id(), first.field(), first.messageKey(), first.args());
                }).single();
    }

    private static List<String> strings(Object[] args) {
        return args == null ? List.of() : Arrays.stream(args).map(String::valueOf).toList();
    }
}
