package org.fangkong.cases;

import java.util.Map;
import java.util.Set;

/**
 * 疑似 / 确诊 / 排除 / 治愈 / 死亡 / 无症状感染者, and which change may follow which (docs/rules.md):
 * suspected → confirmed or excluded; confirmed → cured or died; asymptomatic → confirmed or excluded.
 */
public enum CaseStatus {
    SUSPECTED, CONFIRMED, EXCLUDED, CURED, DIED, ASYMPTOMATIC;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            SUSPECTED, Set.of(CONFIRMED, EXCLUDED),
            CONFIRMED, Set.of(CURED, DIED),
            ASYMPTOMATIC, Set.of(CONFIRMED, EXCLUDED),
            EXCLUDED, Set.of(),
            CURED, Set.of(),
            DIED, Set.of());

    public boolean mayBecome(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** A case may be recorded first as suspected, confirmed or asymptomatic. */
    public boolean initial() {
        return this == SUSPECTED || this == CONFIRMED || this == ASYMPTOMATIC;
    }
}
