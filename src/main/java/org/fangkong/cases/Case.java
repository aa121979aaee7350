package org.fangkong.cases;

import java.time.LocalDate;

/** A case as screens and the API show it (the person masked; anonymous cases from published figures have none). */
public record Case(long id, Long personId, String name, CaseStatus status, String jurisdictionCode, String jurisdictionName,
                   Long hospitalId, String hospitalName, LocalDate onsetOn, LocalDate reportedOn, LocalDate confirmedOn,
                   LocalDate dischargedOn, Long observationOrderId, String tracingRef, String note) {
}
