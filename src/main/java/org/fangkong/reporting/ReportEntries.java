package org.fangkong.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-tap zero report (零报告) made without signal (kind {@code zeroReport}): for the day before
 * the moment it was made, late or on time by that moment. A report of the day corrected by someone
 * else after it was made is a conflict.
 */
@Component
class ReportEntries implements OfflineEntryHandler {

    private final DailyReports reports;
    private final JsonMapper json;

    ReportEntries(DailyReports reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @Override
    public String kind() {
        return "zeroReport";
    }

    @Override
    public Applied apply(JsonNode p, Instant enteredAt, Actor actor) {
        String unit = p.path("unit").asString(actor.scopeCode());
        LocalDate day;
        try {
            day = p.hasNonNull("day") ? LocalDate.parse(p.get("day").asString()) : ShanghaiTime.dayOf(enteredAt).minusDays(1);
        } catch (DateTimeParseException e) {
            throw new FieldException("day", "validation.report.day");
        }
        DailyReport r = reports.submitAt(unit, day, true, DailyReport.Counts.ZERO, enteredAt, actor);
        return new Applied(r.id(), r.late() ? "offline.stored.zeroReportLate" : "offline.stored.zeroReport", day.toString());
    }

    @Override
    public JsonNode prefetch(Actor actor) {
        if (!actor.is(Role.GRID_WORKER)) {
            return null;
        }
        return json.createObjectNode().put("unit", actor.scopeCode());
    }
}
