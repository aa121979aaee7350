package org.fangkong.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A fever or symptom during observation, on the township health centre's list until an officer records the outcome. */
public record ObservationAlert(long id, long orderId, String name, String phone, String jurisdictionCode,
                               String jurisdictionName, String address, BigDecimal temperature, List<Symptom> symptoms,
                               Instant raisedAt, Outcome outcome, String note, Instant handledAt, String handledBy) {

    /** 送发热门诊 / 送定点医院 / 排除. */
    public enum Outcome { FEVER_CLINIC, DESIGNATED_HOSPITAL, RULED_OUT }

    public boolean open() {
        return handledAt == null;
    }
}
