package org.fangkong.masks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A buyer of fever or cough medicine at a pharmacy (发热咳嗽药品购买登记), masked, and the follow-up
 * (随访) the buyer's village owes it: open until {@code followedUpAt}.
 */
public record MedicineSale(long id, long pointId, String pointName, String villageCode, String villageName, String name,
                           String idNumber, String phone, String medicine, List<String> symptoms, BigDecimal temperature,
                           Instant soldAt, String soldBy, Instant followedUpAt, String followedUpBy, Outcome outcome,
                           String outcomeNote) {

    /** What the pharmacist asks about. */
    public enum Symptom { FEVER, COUGH, SORE_THROAT, FATIGUE, SHORT_BREATH }

    /** How the village's follow-up ended. */
    public enum Outcome { WELL, SEEN_DOCTOR, SENT_TO_FEVER_CLINIC, UNREACHABLE }

    /** What the pharmacist types: the buyer, the medicine, what was asked; the village if the buyer said. */
    public record Form(String name, String idNumber, String phone, String village, String medicine, List<String> symptoms,
                       String temperature) {
    }

    /** The buyer's identity, revealed to the village that follows up (audited). */
    public record Buyer(String name, String idNumber, String phone) {
    }
}
