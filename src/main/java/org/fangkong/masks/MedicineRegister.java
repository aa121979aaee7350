package org.fangkong.masks;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.Temperature;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacies' register of fever and cough medicine buyers (发热咳嗽药品购买登记, docs/rules.md):
 * the counter records each buyer at its own point; each sale is a follow-up task for the buyer's
 * village (the pharmacy's own when the buyer did not say), counted in that village's daily report.
 * While the pharmacy's city has suspended such sales (济南's rule) nothing is recorded.
 */
@Service
public class MedicineRegister {

    private static final String SELECT = """
            select s.id, s.point_id, p.name as point_name, s.village_code, v.name as village_name, s.name_masked, s.id_masked,
                   s.phone_masked, s.medicine, s.symptoms, s.temperature, s.sold_at, s.sold_by, s.followed_up_at,
                   s.followed_up_by, s.outcome, s.outcome_note
            from medicine_sale s join pickup_point p on p.id = s.point_id join jurisdiction v on v.code = s.village_code
            """;
    private static final RowMapper<MedicineSale> MAPPER = MedicineRegister::map;

    private final JdbcClient jdbc;
    private final PickupPoints points;
    private final MedicineSuspensions suspensions;
    private final PiiSealer sealer;
    private final AuditTrail audit;

    MedicineRegister(JdbcClient jdbc, PickupPoints points, MedicineSuspensions suspensions, PiiSealer sealer, AuditTrail audit) {
        this.jdbc = jdbc;
        this.points = points;
        this.suspensions = suspensions;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** Records a buyer at a point the caller serves; 409 while the point's city has suspended the sales. */
    @Transactional
    public MedicineSale record(long pointId, MedicineSale.Form form, Actor actor) {
        PickupPoint point = points.find(pointId, actor); // 404 outside the caller's point or scope
        if (!actor.is(Role.PICKUP_POINT) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("pharmacy staff record buyers");
        }
        if (suspensions.forPlace(point.jurisdictionCode()).isPresent()) {
            throw new ConflictException("pointId", "validation.medicine.suspended");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new FieldException("name", "validation.masks.name");
        }
        PhoneNumber phone = parse(() -> PhoneNumber.parse(form.phone()), "phone");
        IdCardNumber id = form.idNumber() == null || form.idNumber().isBlank() ? null
                : parse(() -> IdCardNumber.parse(form.idNumber()), "idNumber");
        String medicine = form.medicine() == null ? "" : form.medicine().strip();
        if (medicine.isEmpty() || medicine.length() > 100) {
            throw new FieldException("medicine", "validation.medicine.medicine");
        }
        String[] symptoms = symptoms(form.symptoms());
        BigDecimal temperature = parse(() -> Temperature.parseOrNull(form.temperature()), "temperature");
        String village = village(form.village(), point);
        long saleId = jdbc.sql("""
                        insert into medicine_sale (point_id, village_code, name_sealed, name_masked, id_hash, id_sealed, id_masked,
                                                   phone_sealed, phone_masked, medicine, symptoms, temperature, sold_by)
                        values (:p, :v, :ns, :nm, :ih, :is, :im, :ps, :pm, :medicine, :symptoms, :t, :by) returning id
                        """)
                .param("p", pointId).param("v", village).param("ns", sealer.encrypt(name)).param("nm", Masking.name(name))
                .param("ih", id == null ? null : sealer.hash(id.value())).param("is", id == null ? null : sealer.encrypt(id.value()))
                .param("im", id == null ? null : id.masked()).param("ps", sealer.encrypt(phone.value()))
                .param("pm", phone.masked()).param("medicine", medicine).param("symptoms", symptoms).param("t", temperature)
                .param("by", actor.username()).query(Long.class).single();
        return find(saleId, actor);
    }

    /** The latest 200 buyers recorded at a point the caller serves (or oversees), newest first. */
    @Transactional(readOnly = true)
    public List<MedicineSale> atPoint(long pointId, Actor actor) {
        points.find(pointId, actor);
        return jdbc.sql(SELECT + " where s.point_id = :p order by s.sold_at desc, s.id desc limit 200")
                .param("p", pointId).query(MAPPER).list();
    }

    /**
     * The follow-ups of the villages in the caller's scope: open ones (oldest first) or all of the
     * last 28 days (newest first). For the grid workers, officers and commanders of those villages.
     */
    @Transactional(readOnly = true)
    public List<MedicineSale> followUps(boolean openOnly, Actor actor) {
        requireVillageStaff(actor, false);
        return jdbc.sql(SELECT + """
                         where v.path <@ cast(:scope as ltree) and (not :open or s.followed_up_at is null)
                        order by case when :open then s.sold_at end asc, s.sold_at desc, s.id desc limit 500
                        """).param("scope", actor.scopePath()).param("open", openOnly).query(MAPPER).list();
    }

    /** Records how the follow-up ended ({@link MedicineSale.Outcome} by name), once. */
    @Transactional
    public MedicineSale followUp(long saleId, String typedOutcome, String note, Actor actor) {
        requireVillageStaff(actor, true);
        findForVillage(saleId, actor); // the sale first: outside the scope nothing else is said
        MedicineSale.Outcome outcome;
        try {
            outcome = MedicineSale.Outcome.valueOf(typedOutcome == null ? "" : typedOutcome.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("outcome", "validation.medicine.outcome");
        }
        int done = jdbc.sql("""
                        update medicine_sale set followed_up_at = now(), followed_up_by = :by, outcome = :o, outcome_note = :note
                        where id = :id and followed_up_at is null
                        """).param("id", saleId).param("by", actor.username()).param("o", outcome.name())
                .param("note", note == null ? "" : note.strip().substring(0, Math.min(note.strip().length(), 200))).update();
        if (done == 0) {
            throw new ConflictException("id", "validation.medicine.done");
        }
        return findForVillage(saleId, actor);
    }

    /** The buyer's full name, ID number and phone for the village that calls them; needs a reason, audited. */
    @Transactional
    public MedicineSale.Buyer reveal(long saleId, String reason, Actor actor) {
        requireVillageStaff(actor, true);
        findForVillage(saleId, actor);
        String why = AuditTrail.requireReason(reason);
        MedicineSale.Buyer buyer = jdbc.sql("select name_sealed, id_sealed, phone_sealed from medicine_sale where id = :id")
                .param("id", saleId).query((rs, n) -> new MedicineSale.Buyer(sealer.open(rs.getBytes(1)),
                        rs.getBytes(2) == null ? null : sealer.open(rs.getBytes(2)), sealer.open(rs.getBytes(3)))).single();
        audit.reveal("medicine-sale:" + saleId, why);
        return buyer;
    }

    private MedicineSale find(long saleId, Actor actor) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", saleId).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("medicineSale"));
    }

    /** A sale whose follow-up lies in the caller's scope, else 404. */
    private MedicineSale findForVillage(long saleId, Actor actor) {
        return jdbc.sql(SELECT + " where s.id = :id and v.path <@ cast(:scope as ltree)").param("id", saleId)
                .param("scope", actor.scopePath()).query(MAPPER).optional().orElseThrow(() -> new NotFoundException("medicineSale"));
    }

    private static void requireVillageStaff(Actor actor, boolean write) {
        boolean may = actor.is(Role.GRID_WORKER) || actor.is(Role.OFFICER) || actor.is(Role.ADMIN) || (!write && actor.is(Role.COMMANDER));
        if (!may) {
            throw new AccessDeniedException("village staff follow buyers up");
        }
    }

    /** The buyer's village as said at the counter (any village of the tree), else the pharmacy's. */
    private String village(String typed, PickupPoint point) {
        if (typed == null || typed.isBlank()) {
            return point.jurisdictionCode();
        }
        return jdbc.sql("select code from jurisdiction where code = :c and level = 'VILLAGE'").param("c", typed.strip())
                .query(String.class).optional().orElseThrow(() -> new FieldException("village", "validation.medicine.village"));
    }

    private static String[] symptoms(List<String> typed) {
        Set<String> known = new LinkedHashSet<>();
        for (String s : typed == null ? List.<String>of() : typed) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                known.add(MedicineSale.Symptom.valueOf(s.strip()).name());
            } catch (IllegalArgumentException e) {
                throw new FieldException("symptoms", "validation.medicine.symptoms");
            }
        }
        return known.toArray(String[]::new);
    }

    private static <T> T parse(Supplier<T> value, String field) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            throw new FieldException(field, e.messageKey());
        }
    }

    private static MedicineSale map(ResultSet rs, int n) throws SQLException {
        Array symptoms = rs.getArray("symptoms");
        OffsetDateTime followed = rs.getObject("followed_up_at", OffsetDateTime.class);
        String outcome = rs.getString("outcome");
        return new MedicineSale(rs.getLong("id"), rs.getLong("point_id"), rs.getString("point_name"), rs.getString("village_code"),
                rs.getString("village_name"), rs.getString("name_masked"), rs.getString("id_masked"), rs.getString("phone_masked"),
                rs.getString("medicine"), Arrays.asList((String[]) symptoms.getArray()), rs.getBigDecimal("temperature"),
                rs.getObject("sold_at", OffsetDateTime.class).toInstant(), rs.getString("sold_by"),
                followed == null ? null : followed.toInstant(), rs.getString("followed_up_by"),
                outcome == null ? null : MedicineSale.Outcome.valueOf(outcome), rs.getString("outcome_note"));
    }
}
