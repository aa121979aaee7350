package org.fangkong.zoning.web;

import java.time.LocalDate;

/** A commander's override of a county's level from a day on, with the reason; no level: back to the computed one. */
record OverrideForm(String county, String level, LocalDate from, String reason) {
}
