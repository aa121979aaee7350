package org.fangkong.zoning;

import org.fangkong.cases.CountyFacts;
import org.springframework.stereotype.Component;

/**
 * The 2021 rule (docs/rules.md "later rule sets"): 10 or more local cases within 14 days = high; any case
 * within 14 days = medium; none = low.
 */
@Component
class Community2021Rule implements ZoningRuleSet {

    static final int MANY = 10;

    @Override
    public String name() {
        return "community-2021";
    }

    @Override
    public RiskLevel level(CountyFacts f) {
        if (f.confirmedWithin14() >= MANY) {
            return RiskLevel.HIGH;
        }
        return f.confirmedWithin14() > 0 ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }
}
