package org.fangkong.common.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A long job as its page and the API show it. {@code result} is what the work returned (as JSON
 * values), or the rejected rows of an import; {@code errorKey} says why it failed.
 */
public record Job(UUID id, String kind, String owner, State state, String phase, long done, long total, String link,
                  Map<String, Object> result, String errorKey, Instant startedAt, Instant finishedAt) {

    public enum State { RUNNING, DONE, FAILED }

    public boolean running() {
        return state == State.RUNNING;
    }

    public int percent() {
        return total <= 0 ? (running() ? 0 : 100) : (int) Math.min(100, done * 100 / total);
    }
}
