package org.fangkong.common.security;

import java.util.List;

/** Names of audited actions, stable across releases (they are searched on the audit page). */
public final class AuditActions {
    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    public static final String LOGOUT = "LOGOUT";
    public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
    public static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String USER_ENABLED = "USER_ENABLED";
    public static final String USER_PASSWORD_RESET = "USER_PASSWORD_RESET";
    public static final String USER_SESSIONS_ENDED = "USER_SESSIONS_ENDED";
    public static final String GRID_CREATED = "GRID_CREATED";
    public static final String PII_REVEAL = "PII_REVEAL";
    public static final String PII_EXPORT = "PII_EXPORT";
    public static final String CHECKINS_IMPORTED = "CHECKINS_IMPORTED";
    public static final String EXPOSURE_SEARCH = "EXPOSURE_SEARCH";
    public static final String PERSON_MERGE = "PERSON_MERGE";
    public static final String CHECKPOINT_ALERT_HANDLED = "CHECKPOINT_ALERT_HANDLED";
    public static final String MATCH_LIST_UPLOADED = "MATCH_LIST_UPLOADED";
    public static final String TASK_DONE = "TASK_DONE";
    public static final String OBSERVATION_ALERT_HANDLED = "OBSERVATION_ALERT_HANDLED";
    public static final String OBSERVATION_RELEASED = "OBSERVATION_RELEASED";
    public static final String CONTACTS_TO_OBSERVATION = "CONTACTS_TO_OBSERVATION";
    public static final String CASE_RECORDED = "CASE_RECORDED";
    public static final String CASE_CHANGED = "CASE_CHANGED";
    public static final String ZONING_OVERRIDE = "ZONING_OVERRIDE";
    public static final String POINT_STAFF_ASSIGNED = "POINT_STAFF_ASSIGNED";
    public static final String MEDICINE_SALES_SUSPENDED = "MEDICINE_SALES_SUSPENDED";
    public static final String MEDICINE_SALES_RESUMED = "MEDICINE_SALES_RESUMED";
    public static final String ENTERPRISE_ACCOUNT_ASSIGNED = "ENTERPRISE_ACCOUNT_ASSIGNED";
    public static final String ENTERPRISE_STATE_CHANGED = "ENTERPRISE_STATE_CHANGED";
    public static final String ENTERPRISES_IMPORTED = "ENTERPRISES_IMPORTED";
    public static final String FILING_APPROVED = "FILING_APPROVED";
    public static final String FILING_RETURNED = "FILING_RETURNED";
    public static final String PROBLEM_ESCALATED = "PROBLEM_ESCALATED";
    public static final String PROBLEM_RESOLVED = "PROBLEM_RESOLVED";
    public static final String PASS_REVOKED = "PASS_REVOKED";
    public static final String STAFF_IMPORTED = "STAFF_IMPORTED";

    /** Every action, for the audit page's filter. */
    public static final List<String> ALL = List.of(LOGIN, LOGIN_FAILED, LOGIN_LOCKED, LOGOUT,
            TOKEN_ISSUED, TOKEN_REVOKED, USER_CREATED, USER_DISABLED, USER_ENABLED, USER_PASSWORD_RESET, GRID_CREATED, PII_REVEAL,
            PII_EXPORT, CHECKINS_IMPORTED, EXPOSURE_SEARCH, PERSON_MERGE, CHECKPOINT_ALERT_HANDLED, MATCH_LIST_UPLOADED, TASK_DONE,
            OBSERVATION_ALERT_HANDLED, OBSERVATION_RELEASED, CONTACTS_TO_OBSERVATION, CASE_RECORDED, CASE_CHANGED,
            ZONING_OVERRIDE, POINT_STAFF_ASSIGNED, MEDICINE_SALES_SUSPENDED, MEDICINE_SALES_RESUMED,
            ENTERPRISE_ACCOUNT_ASSIGNED, ENTERPRISE_STATE_CHANGED, ENTERPRISES_IMPORTED, FILING_APPROVED, FILING_RETURNED,
            PROBLEM_ESCALATED, PROBLEM_RESOLVED, PASS_REVOKED, STAFF_IMPORTED);

    private AuditActions() {
    }
}
