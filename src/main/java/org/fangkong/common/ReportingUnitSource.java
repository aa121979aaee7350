package org.fangkong.common;

import java.time.LocalDate;
import java.util.List;

/**
 * Reporting units beyond the villages (企业日报: the enterprises that resumed work report daily too),
 * counted into a node's report completeness. A source answers for a node and day how many of its
 * units were expected to report, reported, on time and as zero reports, for the node and each child
 * prefix, and which have not reported. The caller has checked the node is in scope; the reporting
 * module depends on no source.
 */
public interface ReportingUnitSource {

    /** The message key naming the units (shown as a section of the completeness page). */
    String labelKey();

    /**
     * The node's figures under {@code code == null} and each child's under the first
     * {@code childLength} characters of its units' place codes.
     */
    List<UnitTally> tallies(String nodeCode, int childLength, LocalDate day);

    /** Up to {@code limit} units of the node that have not reported for the day. */
    List<MissingUnit> missing(String nodeCode, LocalDate day, int limit);

    record UnitTally(String code, long expected, long reported, long onTime, long zero) {
    }

    /** A unit not reported: its id (for a link), name and the place it is registered at. */
    record MissingUnit(String id, String name, String placeCode, String placeName, String href) {
    }
}
