/**
 * Daily and zero reports (日报告、零报告制度, docs/rules.md): one report per unit per day, late reports
 * marked, corrections kept as versions; completeness and timeliness for any node and day with the
 * units missing.
 */
@ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.reporting;

import org.springframework.modulith.ApplicationModule;
