package org.fangkong.tracing;

/** docs/rules.md "Exposure tracing": close (≥ 15 min overlap at one venue) or same-time (any shorter overlap). */
public enum ContactClass {
    /** 密切接触 */
    CLOSE,
    /** 时空伴随 */
    SAME_TIME
}
