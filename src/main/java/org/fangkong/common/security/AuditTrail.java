package org.fangkong.common.security;

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
            throw new org.fangkong.common.InvalidValueException("validation.reason.required");
        }
        record(AuditActions.PII_REVEAL, target, reason);
    }

    /** Records an export of personal data. */
    default void export(String target, String reason) {
        record(AuditActions.PII_EXPORT, target, reason);
    }
}
