/**
 * Risk zoning (分区分级, docs/rules.md): each county's level for a day, computed from the case registry by
 * a pluggable rule set (the 2020-02-17 county rule; the 2021 community rule as the alternative).
 */
@ApplicationModule(displayName = "Zoning", allowedDependencies = {"common", "jurisdiction", "cases"})
package org.fangkong.zoning;

import org.springframework.modulith.ApplicationModule;
