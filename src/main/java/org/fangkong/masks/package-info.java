/**
 * Mask reservation and pickup (口罩预约领用, docs/rules.md "Mask reservation"): pickup points under a
 * village or community, rounds (批次) opened by a county or city with a stock per point, and
 * reservations by ID number that never take more than the stock, one per ID number per period.
 */
@ApplicationModule(displayName = "Masks", allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.masks;

import org.springframework.modulith.ApplicationModule;
