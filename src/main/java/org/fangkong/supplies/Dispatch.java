package org.fangkong.supplies;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A dispatch order (调拨单): from one holder to another, the vehicle and driver (masked), what was
 * sent; the receiver confirms what arrived (签收), and any difference stays visible to both ends.
 */
public record Dispatch(long id, String number, long fromHolderId, String fromName, long toHolderId, String toName, Status status,
                       String vehicle, String driver, String driverPhone, String note, String dispatchedBy, Instant dispatchedAt,
                       String receivedBy, Instant receivedAt, String receiptNote, List<Line> lines) {

    public enum Status {
        IN_TRANSIT, DELIVERED
    }

    /** One item: sent, received (null until signed for), and the request it fulfils if any. */
    public record Line(int itemId, String itemName, String unit, Long requestId, long sent, Long received) {

        /** Sent but not received (a loss or miscount on the way); 0 until received. */
        @JsonProperty
        public long shortfall() {
            return received == null ? 0 : sent - received;
        }
    }

    @JsonProperty
    public boolean discrepancy() {
        return lines.stream().anyMatch(l -> l.shortfall() != 0);
    }
}
