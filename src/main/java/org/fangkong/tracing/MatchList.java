package org.fangkong.tracing;

import java.time.Instant;
import java.util.UUID;

/** An uploaded cross-matching list (对比摸排名单) and its counts; tasks are the follow-up tasks it made. */
public record MatchList(long id, String name, String fileName, String scopeCode, String uploadedBy, Instant uploadedAt,
                        String state, UUID job, int total, int matched, int invalid, long tasks, long tasksDone) {

    public int unmatched() {
        return total - matched - invalid;
    }
}
