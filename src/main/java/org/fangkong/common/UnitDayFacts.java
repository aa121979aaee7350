package org.fangkong.common;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a module knows of a reporting unit's day, for prefilling its daily report (日报告预填): counts
 * under the report's field names ({@code newFever}, {@code newSuspected}, {@code newConfirmed},
 * {@code newCloseContacts}, {@code underObservation}, {@code released}, {@code keyAreaArrivals}, {@code feverMedicineBuyers}).
 * Every figure of the prefill comes this way, and counts of the same name from several modules add
 * up (fevers at checkpoints and in observation); the reporting module depends on none of them. The
 * caller has checked the unit is in scope.
 */
public interface UnitDayFacts {

    Map<String, Integer> of(String unitCode, String unitPath, LocalDate day);
}
