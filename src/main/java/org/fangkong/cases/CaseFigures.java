package org.fangkong.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.observation.ObservationFigures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case figures of a jurisdiction on a day, recomputed from the dated status events: new and
 * cumulative confirmed, cured, died, cure rate (cured ÷ cumulative confirmed), suspected under
 * investigation, asymptomatic, and from observation the people under observation and the
 * escalations; the same for every child, one query per module.
 */
@Service
public class CaseFigures {

    /**
     * One place on one day. {@code cureRate} in percent, one decimal (341 of 755 = 45.2); the
     * observation figures: people under observation at the end of the day, new escalations that
     * day, escalations still open.
     */
    public record Figures(String code, String name, LocalDate day, long newConfirmed, long confirmed, long newCured, long cured,
                          long newDied, long died, BigDecimal cureRate, long suspected, long asymptomatic,
                          long underObservation, long newEscalations, long openEscalations) {

        Figures with(ObservationFigures.Counts o) {
            return new Figures(code, name, day, newConfirmed, confirmed, newCured, cured, newDied, died, cureRate, suspected,
                    asymptomatic, o.underObservation(), o.newEscalations(), o.openAlerts());
        }
    }

    public record Overview(Figures node, List<Figures> children) {
    }

    private static final String STATE = """
            with s as (
                select c.jurisdiction_path as path, last.status as status_on, f.*
                from case_record c
                cross join lateral (select e.status from case_event e where e.case_id = c.id and e.on_date <= :d
                                    order by e.on_date desc, e.id desc limit 1) last
                cross join lateral (select bool_or(e.status = 'CONFIRMED') as ever_confirmed,
                                           bool_or(e.status = 'CONFIRMED' and e.on_date = :d) as new_confirmed,
                                           bool_or(e.status = 'CURED' and e.on_date = :d) as new_cured,
                                           bool_or(e.status = 'DIED' and e.on_date = :d) as new_died
                                    from case_event e where e.case_id = c.id and e.on_date <= :d) f
                where c.jurisdiction_path <@ cast(:node as ltree)
            )
            """;
    private static final String COUNTS = """
            count(s.path) filter (where s.new_confirmed) as new_confirmed,
            count(s.path) filter (where s.ever_confirmed) as confirmed,
            count(s.path) filter (where s.new_cured) as new_cured,
            count(s.path) filter (where s.status_on = 'CURED') as cured,
            count(s.path) filter (where s.new_died) as new_died,
            count(s.path) filter (where s.status_on = 'DIED') as died,
            count(s.path) filter (where s.status_on = 'SUSPECTED') as suspected,
            count(s.path) filter (where s.status_on = 'ASYMPTOMATIC') as asymptomatic
            """;

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final ObservationFigures observation;

    CaseFigures(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock, ObservationFigures observation) {
        this.observation = observation;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** The node (default the caller's scope) on {@code day} (default today), and each of its children. */
    @Transactional(readOnly = true)
    public Overview overview(String code, LocalDate day, Actor actor) {
        CaseRegistry.requireRead(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate d = day == null ? ShanghaiTime.today(clock) : day;
        RowMapper<Figures> mapper = (rs, n) -> figures(rs.getString("code"), rs.getString("name"), d, rs);
        Figures total = jdbc.sql(STATE + "select cast(:code as text) as code, cast(:name as text) as name, " + COUNTS + " from s")
                .param("d", d).param("node", node.path()).param("code", node.code()).param("name", node.name())
                .query(mapper).single();
        List<Figures> children = jdbc.sql(STATE + "select ch.code, ch.name, " + COUNTS + """
                         from jurisdiction ch left join s on s.path <@ ch.path
                        where ch.parent_code = :code group by ch.code, ch.name order by ch.code
                        """)
                .param("d", d).param("node", node.path()).param("code", node.code()).query(mapper).list();
        Map<String, ObservationFigures.Counts> observed = observation.of(node.code(), d);
        return new Overview(total.with(observed.getOrDefault(node.code(), ObservationFigures.Counts.NONE)),
                children.stream().map(c -> c.with(observed.getOrDefault(c.code(), ObservationFigures.Counts.NONE))).toList());
    }

    /** One place's figures on a day, for a caller that has checked the place is in scope (a unit's daily report). */
    @Transactional(readOnly = true)
    public Figures of(Jurisdiction node, LocalDate day) {
        RowMapper<Figures> mapper = (rs, n) -> figures(rs.getString("code"), rs.getString("name"), day, rs);
        Figures total = jdbc.sql(STATE + "select cast(:code as text) as code, cast(:name as text) as name, " + COUNTS + " from s")
                .param("d", day).param("node", node.path()).param("code", node.code()).param("name", node.name())
                .query(mapper).single();
        return total.with(observation.of(node.code(), day).getOrDefault(node.code(), ObservationFigures.Counts.NONE));
    }

    private static Figures figures(String code, String name, LocalDate day, ResultSet rs) throws SQLException {
        long confirmed = rs.getLong("confirmed");
        long cured = rs.getLong("cured");
        BigDecimal rate = confirmed == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(cured * 100).divide(BigDecimal.valueOf(confirmed), 1, RoundingMode.HALF_UP);
        return new Figures(code, name, day, rs.getLong("new_confirmed"), confirmed, rs.getLong("new_cured"), cured,
                rs.getLong("new_died"), rs.getLong("died"), rate, rs.getLong("suspected"), rs.getLong("asymptomatic"), 0, 0, 0);
    }
}
