/**
 * Offline entry (离线登记, issue 19): entries a grid worker makes on a phone without signal, queued
 * on the phone with a client-made idempotency key and the time of entry, and sent in one batch when
 * the signal is back. Each entry is applied exactly once by the module that owns its ledger (through
 * {@code common.offline.OfflineEntryHandler}); a retry answers the first result. The phone's page,
 * its service worker and the data it keeps for offline use are here too.
 */
@ApplicationModule(displayName = "Offline", allowedDependencies = {"common"})
package org.fangkong.offline;

import org.springframework.modulith.ApplicationModule;
