/**
 * The jurisdiction tree (行政区划 / 辖区): province → city → county → township → village → grid,
 * imported from the statistics bureau's division codes; subtree queries on a materialised path.
 */
@ApplicationModule(displayName = "Jurisdiction", allowedDependencies = "common")
package org.fangkong.jurisdiction;

import org.springframework.modulith.ApplicationModule;
