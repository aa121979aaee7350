/**
 * Home medical observation (居家隔离医学观察, docs/rules.md): orders of 14 days opened from the ledger's
 * key-area arrivals, from tracing's close contacts and by officers, twice-daily readings by staff or through the person's own
 * link, escalation and the township's alert list.
 */
@ApplicationModule(displayName = "Observation",
        allowedDependencies = {"common", "jurisdiction", "person", "ledger", "tracing"})
package org.fangkong.observation;

import org.springframework.modulith.ApplicationModule;
