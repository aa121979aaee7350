package org.fangkong.common.security;

/** Staff roles (docs/glossary.md). Every staff user has exactly one role and one scope node. */
public enum Role {
    /** 系统管理员 */
    ADMIN,
    /** 指挥部 */
    COMMANDER,
    /** 工作人员(乡镇/县), epidemiologists included */
    OFFICER,
    /** 网格员 */
    GRID_WORKER,
    /** 场所工作人员 */
    VENUE_STAFF,
    /** 企业 */
    ENTERPRISE,
    /** 口罩领取点 */
    PICKUP_POINT;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that may manage staff accounts in their subtree. */
    public boolean managesUsers() {
        return this == ADMIN || this == OFFICER;
    }
}
