package org.fangkong.ledger.internal;

import org.fangkong.common.web.FieldException;

/** The fixed choices of the ledgers, as the paper ledgers had them. */
public final class LedgerEnums {

    private LedgerEnums() {
    }

    /** 与户主关系 */
    public enum Relation { HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER_RELATIVE, TENANT, OTHER }

    /** 户籍 / 常住 / 租户 */
    public enum Residence { REGISTERED, LIVING, TENANT }

    /** 健康状况 */
    public enum Health { HEALTHY, FEVER, UNDER_OBSERVATION, SICK, OTHER }

    /** 卡口类型: 道路, 小区门岗, 收费站 */
    public enum CheckpointKind { ROAD, GATE, TOLL_STATION, OTHER }

    public enum Direction { IN, OUT }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String messageKey) {
        if (value == null || value.isBlank()) {
            throw new FieldException(field, messageKey);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, messageKey);
        }
    }
}
