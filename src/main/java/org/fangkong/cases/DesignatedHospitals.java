package org.fangkong.cases;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 定点医院: the managed list of designated hospitals with their beds and ICU beds, and the cases in each. */
@Service
public class DesignatedHospitals {

    public record Hospital(long id, String name, String jurisdictionCode, String jurisdictionName, int beds, int icuBeds,
                           long patients) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    DesignatedHospitals(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    @Transactional
    public Hospital add(String name, String jurisdiction, Integer beds, Integer icuBeds, Actor actor) {
        CaseRegistry.requireWrite(actor);
        if (name == null || name.isBlank()) {
            throw new FieldException("name", "validation.hospital.name");
        }
        Jurisdiction place = jurisdictions.find(jurisdiction == null ? "" : jurisdiction.strip(), actor.scopePath())
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.case.jurisdiction"));
        if (beds == null || beds < 0) {
            throw new FieldException("beds", "validation.hospital.beds");
        }
        if (icuBeds == null || icuBeds < 0 || icuBeds > beds) {
            throw new FieldException("icuBeds", "validation.hospital.icuBeds");
        }
        long id = jdbc.sql("""
                        insert into designated_hospital (name, jurisdiction_code, beds, icu_beds) values (:n, :j, :b, :i) returning id
                        """).param("n", name.strip()).param("j", place.code()).param("b", beds).param("i", icuBeds)
                .query(Long.class).single();
        return list(actor).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    /** New bed counts (the list is managed as hospitals are designated and grow). */
    @Transactional
    public Hospital update(long id, Integer beds, Integer icuBeds, Actor actor) {
        CaseRegistry.requireWrite(actor);
        list(actor).stream().filter(h -> h.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("hospital"));
        if (beds == null || beds < 0) {
            throw new FieldException("beds", "validation.hospital.beds");
        }
        if (icuBeds == null || icuBeds < 0 || icuBeds > beds) {
            throw new FieldException("icuBeds", "validation.hospital.icuBeds");
        }
        jdbc.sql("update designated_hospital set beds = :b, icu_beds = :i where id = :id").param("b", beds).param("i", icuBeds)
                .param("id", id).update();
        return list(actor).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    /** Hospitals in scope with the cases they hold now (confirmed, suspected or asymptomatic). */
    @Transactional(readOnly = true)
    public List<Hospital> list(Actor actor) {
        CaseRegistry.requireRead(actor);
        return jdbc.sql("""
                        select h.id, h.name, h.jurisdiction_code, j.name, h.beds, h.icu_beds,
                               (select count(*) from case_record c where c.hospital_id = h.id
                                  and c.status in ('CONFIRMED', 'SUSPECTED', 'ASYMPTOMATIC'))
                        from designated_hospital h join jurisdiction j on j.code = h.jurisdiction_code
                        where j.path <@ cast(:scope as ltree) order by j.path, h.name
                        """).param("scope", actor.scopePath())
                .query((rs, n) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getLong(7))).list();
    }
}
