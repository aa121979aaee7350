package org.fangkong.common;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 重点物资运输通行证 as a checkpoint sees them: the enterprise module issues them, the gate checks one
 * by its number (typed, or read from its QR code by a scanner) and logs the check. A pass says
 * nothing of its driver here.
 */
public interface KeySupplyPasses {

    /** What a gate may know of a pass. */
    record Pass(String number, String holder, String plate, String goods, String route, LocalDate validFrom, LocalDate validTo,
                boolean revoked) {

        public Status on(LocalDate day) {
            if (revoked) {
                return Status.REVOKED;
            }
            if (day.isBefore(validFrom)) {
                return Status.NOT_YET_VALID;
            }
            return day.isAfter(validTo) ? Status.EXPIRED : Status.VALID;
        }
    }

    enum Status {
        VALID, NOT_YET_VALID, EXPIRED, REVOKED, UNKNOWN
    }

    /** The pass with this number, as printed (blanks and lower case forgiven). */
    Optional<Pass> find(String number);
}
