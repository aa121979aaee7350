package org.fangkong.account;

import java.time.Instant;

/** One row of the audit log: who, did what, to which target, why, when, from which address. */
public record AuditEntry(long id, Instant at, String actorUsername, String action, String target, String reason,
                         String address) {
}
