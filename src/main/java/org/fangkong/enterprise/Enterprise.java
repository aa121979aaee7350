package org.fangkong.enterprise;

import java.time.LocalDate;

/**
 * An enterprise (企业) of the registry with its state today: where it is, what it does (GB/T 4754
 * section and division), its size, whether it is 规模以上 or a key supplier, and its staff.
 */
public record Enterprise(long id, String creditCode, String name, String section, String division, SizeClass sizeClass,
                         boolean aboveScale, boolean medicalSupplies, boolean livelihoodSupply, String jurisdictionCode,
                         String jurisdictionName, String park, String address, int staffTotal, State state, LocalDate stateSince,
                         int staffBack) {

    /** 企业规模: 大型 / 中型 / 小型 / 微型. */
    public enum SizeClass {
        LARGE, MEDIUM, SMALL, MICRO
    }

    /** 未复工 / 已备案 / 已复工 / 达产: resumed counts 已复工 and 达产. */
    public enum State {
        NOT_RESUMED, FILED, RESUMED, FULL_PRODUCTION;

        public boolean resumed() {
            return this == RESUMED || this == FULL_PRODUCTION;
        }
    }
}
