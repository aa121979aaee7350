package org.fangkong.democity;

/**
 * What to generate.
 *
 * @param people            how many people (each with one phone)
 * @param venues            how many venues, spread over the villages of {@code jurisdiction}
 * @param days              how many days, ending yesterday (Asia/Shanghai)
 * @param visitsPerPersonDay mean check-ins per person per day
 * @param jurisdiction      the subtree the venues lie in (a city code such as 3709 泰安市)
 * @param seed              the same seed gives the same city
 */
public record CitySpec(int people, int venues, int days, double visitsPerPersonDay, String jurisdiction, long seed) {

    public static CitySpec small() {
        return new CitySpec(2_000, 120, 7, 1.2, "3709", 2020);
    }

    public long expectedVisits() {
        return Math.round(people * (double) days * visitsPerPersonDay);
    }
}
