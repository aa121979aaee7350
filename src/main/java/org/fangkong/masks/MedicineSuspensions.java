package org.fangkong.masks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A city's suspension of fever and cough medicine sales (济南's rule of 2020): while it holds, the
 * city's pharmacies record no buyer and their pages say so. Set and lifted by the city's (or the
 * province's) officers and commanders; both audited.
 */
@Service
public class MedicineSuspensions {

    /** A city whose pharmacies do not sell fever and cough medicine now. */
    public record Suspension(String cityCode, String cityName, Instant from, String by, String note) {
    }

    private static final RowMapper<Suspension> MAPPER = (rs, n) -> new Suspension(rs.getString("city_code"),
            rs.getString("name"), rs.getObject("suspended_from", OffsetDateTime.class).toInstant(), rs.getString("suspended_by"),
            rs.getString("note"));

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final AuditTrail audit;

    MedicineSuspensions(JdbcClient jdbc, Jurisdictions jurisdictions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
    }

    /** The suspension covering a place (its city's), if any. */
    @Transactional(readOnly = true)
    public Optional<Suspension> forPlace(String code) {
        return jdbc.sql("""
                        select s.city_code, c.name, s.suspended_from, s.suspended_by, s.note
                        from medicine_sales_suspension s join jurisdiction c on c.code = s.city_code
                        join jurisdiction j on j.path <@ c.path
                        where j.code = :code
                        """).param("code", code).query(MAPPER).optional();
    }

    /** The suspensions of the cities in (or above) the caller's scope. */
    @Transactional(readOnly = true)
    public List<Suspension> list(Actor actor) {
        return jdbc.sql("""
                        select s.city_code, c.name, s.suspended_from, s.suspended_by, s.note
                        from medicine_sales_suspension s join jurisdiction c on c.code = s.city_code
                        where c.path <@ cast(:scope as ltree) or c.path @> cast(:scope as ltree)
                        order by s.city_code
                        """).param("scope", actor.scopePath()).query(MAPPER).list();
    }

    @Transactional
    public Suspension suspend(String cityCode, String note, Actor actor) {
        Jurisdiction city = city(cityCode, actor);
        jdbc.sql("""
                        insert into medicine_sales_suspension (city_code, suspended_by, note) values (:c, :by, :note)
                        on conflict (city_code) do nothing
                        """).param("c", city.code()).param("by", actor.username())
                .param("note", note == null ? "" : note.strip()).update();
        audit.record(AuditActions.MEDICINE_SALES_SUSPENDED, "city:" + city.code(), note == null ? null : note.strip());
        return forPlace(city.code()).orElseThrow();
    }

    @Transactional
    public void lift(String cityCode, Actor actor) {
        Jurisdiction city = city(cityCode, actor);
        if (jdbc.sql("delete from medicine_sales_suspension where city_code = :c").param("c", city.code()).update() > 0) {
            audit.record(AuditActions.MEDICINE_SALES_RESUMED, "city:" + city.code(), null);
        }
    }

    /** A city in the caller's scope (else 404, as any node outside it), for officers and commanders of that city or the province. */
    private Jurisdiction city(String code, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("a city's officers suspend medicine sales");
        }
        Jurisdiction node = jurisdictions.require(code == null ? "" : code.strip(), actor.scopePath()); // 404 outside the scope
        if (node.level() != Level.CITY) {
            throw new FieldException("city", "validation.medicine.city");
        }
        return node;
    }
}
