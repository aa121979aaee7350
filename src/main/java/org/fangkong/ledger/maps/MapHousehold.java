package org.fangkong.ledger.maps;

import java.math.BigDecimal;

/**
 * A household of the map's place with its colour (docs/rules.md "Home medical observation", colours):
 * RED for a fever (a checkpoint fever alert within 14 days, or a member recorded with fever),
 * YELLOW for someone who came from a key area within 14 days, GREEN otherwise. {@code x}/{@code y}
 * are null while the household is not placed yet.
 */
public record MapHousehold(long id, String building, String address, int members, String status, BigDecimal x,
                           BigDecimal y) {

    public boolean placed() {
        return x != null;
    }

    /** Position in the plan's drawing, which is 1000 units wide and {@code height} units high. */
    public long cx() {
        return x.movePointRight(3).longValue();
    }

    public long cy(long height) {
        return y.multiply(BigDecimal.valueOf(height)).longValue();
    }
}
