package org.fangkong.zoning;

import java.time.LocalDate;

import org.springframework.modulith.events.Externalized;

/**
 * A county's published risk level changed (风险等级调整); {@code from} is null the first time a county is
 * published above low risk. With Kafka on, sent to the topic {@code fangkong.zoning.v1}, keyed by the county
 * code (docs/scale.md, "Events for other systems").
 */
@Externalized("fangkong.zoning.v1::#{#this.countyCode()}")
public record RiskLevelChanged(String countyCode, LocalDate day, RiskLevel from, RiskLevel to) {
}
