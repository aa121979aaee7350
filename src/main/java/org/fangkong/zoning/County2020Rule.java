package org.fangkong.zoning;

import org.fangkong.cases.CountyFacts;
import org.springframework.stereotype.Component;

/**
 * The county rule of 2020-02-17 (docs/rules.md): low = no confirmed case, or none new in 14 consecutive
 * days; medium = a new confirmed case within 14 days and cumulative ≤ 50, or cumulative > 50 with
 * no cluster within 14 days; high = cumulative > 50 and a cluster within 14 days.
 */
@Component
class County2020Rule implements ZoningRuleSet {

    static final int MANY = 50;

    @Override
    public String name() {
        return "county-2020";
    }

    @Override
    public RiskLevel level(CountyFacts f) {
        if (f.cumulativeConfirmed() == 0 || f.confirmedWithin14() == 0) {
            return RiskLevel.LOW;
        }
        if (f.cumulativeConfirmed() > MANY && f.clustersWithin14() > 0) {
            return RiskLevel.HIGH;
        }
        return RiskLevel.MEDIUM;
    }
}
