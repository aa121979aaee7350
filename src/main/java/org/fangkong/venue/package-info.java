/**
 * Venues (场所): supermarkets, pharmacies, workplaces... each with an unguessable public code, its
 * QR image and a printable poster for check-in (扫码通行, as 泰安通).
 */
@ApplicationModule(displayName = "Venue", allowedDependencies = {"common", "jurisdiction"})
package org.fangkong.venue;

import org.springframework.modulith.ApplicationModule;
