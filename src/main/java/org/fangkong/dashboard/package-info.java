/**
 * The command dashboard (指挥大屏): for any node of the tree and any day, the figures, the report
 * completeness, the children coloured by risk level and the trends, composed from the public read
 * services of cases, reporting and zoning; one click down to a village.
 */
@ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"common", "jurisdiction", "cases", "observation", "reporting", "zoning"})
package org.fangkong.dashboard;

import org.springframework.modulith.ApplicationModule;
