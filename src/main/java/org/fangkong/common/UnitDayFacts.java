package org.fangkong.common;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a module knows of a reporting unit's day, for prefilling its daily report (日报告预填): counts
 * under the report's field names ({@code newFever}, {@code newSuspected}, {@code newCloseContacts},
 * {@code released}, {@code keyAreaArrivals}…). Modules contribute without the reporting module
 * depending on them; the caller has checked the unit is in scope.
 */
public interface UnitDayFacts {

    Map<String, Integer> of(String unitPath, LocalDate day);
}
