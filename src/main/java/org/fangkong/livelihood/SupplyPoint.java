package org.fangkong.livelihood;

import java.time.Instant;
import java.util.List;

/**
 * A livelihood supply point (生活保障点): where a village buys food and daily goods while it is
 * closed, with each category it sells and how that category stands.
 */
public record SupplyPoint(long id, String jurisdictionCode, String jurisdictionName, String name, Kind kind, String address,
                          String hours, List<CategoryStatus> categories, Instant updatedAt) {

    public enum Kind {
        SUPERMARKET, MARKET, MOBILE_STALL, STORE, OTHER
    }

    /** 蔬菜, 肉蛋, 粮油, 奶品, 日用品. */
    public enum Category {
        VEGETABLES, MEAT_EGGS, GRAIN_OIL, DAIRY, DAILY_GOODS
    }

    /** 充足 / 紧张 / 缺货; unset until the staff first say. */
    public enum Status {
        AMPLE, TIGHT, OUT
    }

    public record CategoryStatus(Category category, Status status) {
    }

    public boolean anyOut() {
        return categories.stream().anyMatch(c -> c.status() == Status.OUT);
    }
}
