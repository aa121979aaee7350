package org.fangkong.common.offline;

import java.time.Instant;

import org.fangkong.common.security.Actor;

import tools.jackson.databind.JsonNode;

/**
 * One kind of entry a phone may make without signal and send later (离线登记), contributed by the
 * module that owns the ledger: a passage at the gate, a reading, a zero report. The offline module
 * calls it once per idempotency key, inside that entry's own transaction, with the time the worker
 * made the entry: a late reading is late by its own time, not by the sync time.
 */
public interface OfflineEntryHandler {

    /** The entry's kind as the phone names it, e.g. {@code passage}. */
    String kind();

    /**
     * Writes the entry as if made at {@code enteredAt} and answers what the worker should see (ids,
     * a message key); throws the usual field, conflict, not-found or access exceptions to refuse it.
     */
    Applied apply(JsonNode payload, Instant enteredAt, Actor actor);

    /**
     * What the phone keeps to make this kind of entry offline, for the signed-in worker's scope: places
     * and people with masked names only, bounded in size; {@code null} when the kind needs nothing.
     */
    default JsonNode prefetch(Actor actor) {
        return null;
    }

    /** What an entry became: the id of the row it wrote and a message key (with arguments) for the worker. */
    record Applied(long id, String messageKey, Object... args) {
    }
}
