/**
 * Exposure tracing (流调 / 精准定位): who was at the same venue at the same time as an index person,
 * classed as close contacts (密切接触) or same-time contacts (时空伴随).
 */
@ApplicationModule(displayName = "Tracing", allowedDependencies = {"common", "venue", "checkin", "person", "ledger"})
package org.fangkong.tracing;

import org.springframework.modulith.ApplicationModule;
