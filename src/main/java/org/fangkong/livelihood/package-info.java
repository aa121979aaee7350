/**
 * Livelihood (生活保障, docs/rules.md Livelihood): supply points under villages and communities with
 * each category's stock status set in one tap, a public page per village or township, and counts and
 * shortages per node for the command dashboard; proxy purchases (代购) for closed villages, from the
 * households' orders to the hand-out.
 */
@ApplicationModule(displayName = "Livelihood", allowedDependencies = {"common", "jurisdiction", "ledger"})
package org.fangkong.livelihood;

import org.springframework.modulith.ApplicationModule;
