/**
 * Check-in (扫码登记): the public page a phone opens from a venue's QR code, the check-in API,
 * storage partitioned by day with sealed phones, automatic check-out, abuse limits, retention.
 */
@ApplicationModule(displayName = "Check-in", allowedDependencies = {"common", "venue"})
package org.fangkong.checkin;

import org.springframework.modulith.ApplicationModule;
