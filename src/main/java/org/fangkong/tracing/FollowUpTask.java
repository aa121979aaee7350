package org.fangkong.tracing;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up task (随访任务) made by cross-matching: check on this person in this place. */
public record FollowUpTask(long id, long listId, String listName, int row, String name, String idNumber, String phone,
                           String source, String jurisdictionCode, String jurisdictionName, String address,
                           String venueName, Instant lastSeenAt, LocalDate leftOn, LocalDate arrivedOn, Instant createdAt,
                           Instant doneAt, String doneBy, String note) {

    public boolean done() {
        return doneAt != null;
    }
}
