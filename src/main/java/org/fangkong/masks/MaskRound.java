package org.fangkong.masks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A round (批次) of reservations opened by a county or city: when booking is open, the pickup days,
 * the masks one reservation takes ({@code quota}) and how long an ID number then waits
 * ({@code periodDays}). {@code drawSalt} is shown from the opening: with the round's id it fixes a
 * lottery's seed before anyone can know the entries.
 */
public record MaskRound(long id, String scopeCode, String name, Mode mode, int quota, int periodDays, Instant opensAt,
                        Instant closesAt, LocalDate pickupFrom, LocalDate pickupTo, String drawSalt) {

    public enum Mode { FIRST_COME, LOTTERY }

    public boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
