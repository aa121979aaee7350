package org.fangkong.supplies;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request for supplies (物资申请) from a holder up the tree: what it needs, how urgently and by
 * when; the level above approves (all, part or none of each line) and dispatches fulfil it.
 */
public record SupplyRequest(long id, long holderId, String holderName, String holderPlace, String approver, String approverName,
                            Urgency urgency, Instant neededBy, String note, Status status, String requestedBy, Instant requestedAt,
                            String decidedBy, Instant decidedAt, String decision, List<Line> lines) {

    public enum Urgency {
        ROUTINE, URGENT, CRITICAL
    }

    public enum Status {
        SUBMITTED, APPROVED, REJECTED, PARTLY_FULFILLED, FULFILLED
    }

    /** One item asked for: quantity, approved (null until decided) and dispatched so far. */
    public record Line(int itemId, String itemName, String unit, long quantity, Long approved, long dispatched) {

        @JsonProperty
        public long open() {
            return approved == null ? 0 : Math.max(0, approved - dispatched);
        }
    }

    public boolean overdue(Instant now) {
        return (status == Status.SUBMITTED || status == Status.APPROVED || status == Status.PARTLY_FULFILLED) && now.isAfter(neededBy);
    }
}
