package org.fangkong.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One temperature-and-symptoms reading; {@code alarming} when it escalated the order. */
public record Reading(long id, long orderId, LocalDate day, Half half, BigDecimal temperature, List<Symptom> symptoms,
                      String via, String recordedBy, Instant recordedAt, boolean alarming) {

    /** 早 / 晚. */
    public enum Half { MORNING, EVENING }
}
