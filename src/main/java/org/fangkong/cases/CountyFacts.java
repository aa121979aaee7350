package org.fangkong.cases;

import java.time.LocalDate;

/**
 * What zoning needs to know about one place on one day: cumulative confirmed cases by that day,
 * confirmed cases in the 14 days D−13 … D, the last day a case was confirmed, and clusters whose
 * first case was confirmed in those 14 days.
 */
public record CountyFacts(String code, String name, LocalDate day, long cumulativeConfirmed, long confirmedWithin14,
                          LocalDate lastConfirmedOn, long clustersWithin14) {

    /** The first day of "within 14 days" on {@code day}: D−13. */
    public static LocalDate windowStart(LocalDate day) {
        return day.minusDays(13);
    }
}
