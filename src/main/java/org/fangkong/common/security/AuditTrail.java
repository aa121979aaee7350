package org.fangkong.common.security;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.web.FieldException;

/**
 * The audit log (审计日志) as other modules see it: who did what to which target, why, from where.
 * The acting staff member and address are taken from the current request. Implemented by the
 * account module.
 */
public interface AuditTrail {

    /** Records an action by the current actor. */
    void record(String action, String target, String reason);

    /** Records a reveal of personal data; a reason is required. */
    default void reveal(String target, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("validation.reason.required");
        }
        record(AuditActions.PII_REVEAL, target, reason);
    }

    /** Records an action that handed out {@code rows} rows of personal data. */
    default void record(String action, String target, String reason, int rows) {
        record(action, target + " rows:" + rows, reason);
    }

    /**
     * Records an export of full identities: the reason is required (checked before the export is
     * built, with {@link #requireReason}) and the audit row keeps it with the row count.
     */
    default void export(String target, int rows, String reason) {
        record(AuditActions.PII_EXPORT, target, requireReason(reason), rows);
    }

    /** The reason for handing out personal data, stripped; missing → a 400 naming {@code reason}. */
    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new FieldException("reason", "validation.reason.required");
        }
        return reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
    }
}
