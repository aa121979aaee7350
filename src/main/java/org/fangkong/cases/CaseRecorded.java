package org.fangkong.cases;

import java.time.LocalDate;

import org.springframework.modulith.events.Externalized;

/**
 * A case was recorded or changed status on a day: zoning recomputes that place's county. No personal data.
 * With Kafka on, also sent to the topic {@code fangkong.cases.v1}, keyed by the place's code (docs/scale.md,
 * "Events for other systems").
 */
@Externalized("fangkong.cases.v1::#{#this.jurisdictionCode()}")
public record CaseRecorded(long caseId, String jurisdictionCode, CaseStatus status, LocalDate on) {
}
