/**
 * Livelihood (生活保障, docs/rules.md Livelihood): supply points under villages and communities with
 * each category's stock status set in one tap, a public page per village or township, and counts and
 * shortages per node for the command dashboard.
 */
@ApplicationModule(displayName = "Livelihood", allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.livelihood;

import org.springframework.modulith.ApplicationModule;
