package org.fangkong.masks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reservation (预约) as its holder and the point's staff see it: masked identity, the point, the
 * masks, the pickup code (6 digits) and days, and what became of it.
 */
public record Reservation(long id, long roundId, long pointId, String pointName, String nameMasked, String idMasked,
                          String phoneMasked, int masks, String pickupCode, LocalDate pickupFrom, LocalDate pickupTo,
                          Status status, Instant bookedAt, Instant collectedAt) {

    public enum Status { BOOKED, COLLECTED, RELEASED }
}
