package org.fangkong.ledger.outsiders;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.web.FieldException;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrivals' self-registration (来青人员登记, docs/rules.md, Arrivals' self-registration): a public
 * door into the outsider ledger of the village the arrival names. The row waits there as
 * self-registered, to confirm (待核实), until the grid worker confirms it ({@link OutsiderLedger#confirm});
 * registering again updates the same row. The answer never says what was on file before.
 */
@Service
public class Arrivals {

    /** How far back an arrival date may lie, and how far ahead (people register before they travel). */
    static final int DAYS_BACK = 30;
    static final int DAYS_AHEAD = 7;

    private final JdbcClient jdbc;
    private final PersonRecords records;
    private final KeyAreas keyAreas;
    private final Clock clock;

    Arrivals(JdbcClient jdbc, PersonRecords records, KeyAreas keyAreas, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.keyAreas = keyAreas;
        this.clock = clock;
    }

    /** What the arrival is told: received, and whether to stay at home until the grid worker calls. */
    public record Received(boolean fromKeyArea, String villageName) {
    }

    @Transactional
    public Received register(ArrivalForm form) {
        String village = form.village() == null ? "" : form.village().strip();
        String villageName = jdbc.sql("select name from jurisdiction where code = :c and level = 'VILLAGE'")
                .param("c", village).query(String.class).optional()
                .orElseThrow(() -> new FieldException("village", "validation.arrival.village"));
        if (form.idNumber() == null || form.idNumber().isBlank()) {
            throw new FieldException("idNumber", "validation.arrival.idNumber");
        }
        if (form.phone() == null || form.phone().isBlank()) {
            throw new FieldException("phone", "validation.arrival.phone");
        }
        String origin = OutsiderLedger.origin(form.origin());
        String originCode = OutsiderLedger.originCode(form.originCode());
        LocalDate today = ShanghaiTime.today(clock);
        if (form.arrivedOn() == null || form.arrivedOn().isBefore(today.minusDays(DAYS_BACK))
                || form.arrivedOn().isAfter(today.plusDays(DAYS_AHEAD))) {
            throw new FieldException("arrivedOn", "validation.arrival.arrivedOn", DAYS_BACK, DAYS_AHEAD);
        }
        String address = OutsiderLedger.address(form.address());
        PersonRecords.Enrolled who = records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()),
                village, PersonRecords.Source.OUTSIDER);
        boolean keyArea = keyAreas.includes(originCode, origin);
        // Already on the village's ledger for this stay (registered by the grid worker or confirmed):
        // nothing to add, and the answer is the same as for a new registration.
        boolean known = jdbc.sql("""
                        select exists (select 1 from outsider where person_id = :p and jurisdiction_code = :j and left_on is null
                                       and not (self_registered and confirmed_at is null) and arrived_on >= :since)
                        """).param("p", who.personId()).param("j", village).param("since", form.arrivedOn().minusDays(14))
                .query(Boolean.class).single();
        if (!known) {
            jdbc.sql("""
                            insert into outsider (jurisdiction_code, person_id, record_id, origin, origin_code, from_key_area,
                                                  arrived_on, address, self_registered, created_by)
                            values (:j, :p, :rec, :origin, :code, :key, :arrived, :address, true, 'self')
                            on conflict (person_id) where self_registered and confirmed_at is null do update
                            set jurisdiction_code = excluded.jurisdiction_code, record_id = excluded.record_id,
                                origin = excluded.origin, origin_code = excluded.origin_code,
                                from_key_area = excluded.from_key_area, arrived_on = excluded.arrived_on,
                                address = excluded.address, updated_at = now()
                            """)
                    .param("j", village).param("p", who.personId()).param("rec", who.recordId()).param("origin", origin)
                    .param("code", originCode).param("key", keyArea).param("arrived", form.arrivedOn())
                    .param("address", address).update();
        }
        return new Received(keyArea, villageName);
    }
}
