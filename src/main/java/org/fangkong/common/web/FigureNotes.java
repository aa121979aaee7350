package org.fangkong.common.web;

import java.time.LocalDate;
import java.util.List;

/**
 * Remarks a module attaches to the figures of a place on a day, shown beside them (the dashboard):
 * for instance that a county's value is derived from a range, not published.
 */
public interface FigureNotes {

    /** A message key and its arguments. */
    record Note(String messageKey, List<Object> args) {
    }

    List<Note> notes(String jurisdictionCode, LocalDate day);
}
