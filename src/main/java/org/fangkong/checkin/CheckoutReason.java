package org.fangkong.checkin;

/** Why a visit ended when it did. */
public enum CheckoutReason {
    /** the venue's default stay ran out */
    STAY,
    /** midnight Asia/Shanghai */
    MIDNIGHT,
    /** the visitor checked in elsewhere */
    NEXT,
    /** the visitor pressed check-out */
    MANUAL,
    /** imported with its check-out time */
    RECORDED
}
