package org.fangkong.checkin;

import java.time.Instant;

/**
 * One check-in and the visit it starts (扫码登记).
 *
 * @param publicId the id citizens and clients see: day, sequence and a keyed signature, so a visit
 *                 cannot be checked out by guessing numbers
 */
public record Visit(String publicId, long venueId, String venueName, String phoneMasked, Instant checkedInAt,
                    Instant checkedOutAt, CheckoutReason reason) {

    public boolean openAt(Instant now) {
        return checkedOutAt.isAfter(now);
    }
}
