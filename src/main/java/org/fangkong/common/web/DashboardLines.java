package org.fangkong.common.web;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Actor;

/**
 * A line a module adds to the command dashboard of a node on a day (masks handed out, later
 * enterprises resumed, supplies short): a message with its figures and where to read more. The
 * dashboard depends on none of them; each module reads only what the caller's scope holds.
 */
public interface DashboardLines {

    /** A message key, its arguments, and the page with the details. */
    record Line(String messageKey, List<Object> args, String href) {
    }

    List<Line> lines(String code, String path, LocalDate day, Actor actor);
}
