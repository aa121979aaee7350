package org.fangkong.cases;

import java.time.LocalDate;

/** A case was recorded or changed status on a day: zoning recomputes that place's county. */
public record CaseRecorded(long caseId, String jurisdictionCode, CaseStatus status, LocalDate on) {
}
