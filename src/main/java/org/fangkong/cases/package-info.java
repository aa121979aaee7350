/**
 * The case registry (病例, docs/rules.md "Cases"): suspected, confirmed, excluded, cured, died and
 * asymptomatic cases with dated status events, designated hospitals, clusters, and the figures of
 * any jurisdiction on any day.
 */
@ApplicationModule(displayName = "Cases", allowedDependencies = {"common", "jurisdiction", "person", "ledger", "observation", "checkin"})
package org.fangkong.cases;

import org.springframework.modulith.ApplicationModule;
