package org.fangkong.observation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.UnitDayFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Observation's part of a unit's daily report: close contacts put under observation that day, people released. */
@Component
class ObservationDayFacts implements UnitDayFacts {

    private final JdbcClient jdbc;
    private final ObservationFigures figures;

    ObservationDayFacts(JdbcClient jdbc, ObservationFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    @Override
    public Map<String, Integer> of(String unitCode, String unitPath, LocalDate day) {
        ObservationFigures.Counts observed = figures.of(unitCode, day).getOrDefault(unitCode, ObservationFigures.Counts.NONE);
        return jdbc.sql("""
                        select count(*) filter (where o.reason = 'CLOSE_CONTACT' and o.opened_at >= :from and o.opened_at < :to) as contacts,
                               count(*) filter (where o.status = 'RELEASED' and o.closed_at >= :from and o.closed_at < :to) as released
                        from observation_order o join jurisdiction j on j.code = o.jurisdiction_code
                        where j.path <@ cast(:path as ltree)
                        """)
                .param("path", unitPath)
                .param("from", Timestamp.from(ShanghaiTime.startOf(day)))
                .param("to", Timestamp.from(ShanghaiTime.startOf(day.plusDays(1))))
                .query((rs, n) -> Map.of("newCloseContacts", rs.getInt("contacts"), "released", rs.getInt("released"),
                        "newFever", (int) observed.newEscalations(), "underObservation", (int) observed.underObservation()))
                .single();
    }
}
