package org.fangkong.tracing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a matched list as the results page shows it: what the list said (masked), whether
 * and where Fangkong placed the person, and the follow-up task. The address is shown only when
 * the place is within the viewer's scope. A bad row names its column and reason instead.
 */
public record MatchRow(int row, String name, String idNumber, String phone, LocalDate leftOn, LocalDate arrivedOn,
                       String errorField, String errorKey, boolean matched, String source, String jurisdictionCode,
                       String jurisdictionName, String address, String venueName, Instant lastSeenAt,
                       String checkpointName, Instant passedAt, Long taskId, Instant taskDoneAt, String taskNote) {

    public boolean invalid() {
        return errorKey != null;
    }
}
