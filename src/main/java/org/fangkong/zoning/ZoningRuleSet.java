package org.fangkong.zoning;

import org.fangkong.cases.CountyFacts;

/** A way to grade a place's risk from its case facts on a day (分区分级规则); rule sets plug in by name. */
public interface ZoningRuleSet {

    /** The name the API and configuration use, e.g. {@code county-2020}. */
    String name();

    RiskLevel level(CountyFacts facts);
}
