package org.fangkong.enterprise;

import java.math.BigDecimal;
import java.sql.Array;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.ledger.WorkplaceLedger;
import org.fangkong.person.PersonIdentity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise's staff roster (员工花名册) and their daily health check (每日健康监测). Staff coming
 * back from outside the enterprise's city are registered in the outsider ledger of the village they
 * stay in (as arrivals are: the grid worker confirms, and a key-area origin opens home observation)
 * and may work from the end of their 14 days of observation. A fever at the daily check (37.3 ℃ or
 * more) is logged at the enterprise's check point in that village and raises the township's alert as
 * a gate's fever does.
 */
@Service
public class StaffRoster {

    static final int OBSERVATION_DAYS = 14;
    static final BigDecimal FEVER = new BigDecimal("37.3");
    static final Set<String> SYMPTOMS = Set.of("FEVER", "COUGH", "SORE_THROAT", "FATIGUE", "SHORT_BREATH");

    /** A member of staff as the enterprise enters them; origin blank for staff from the city itself. */
    public record StaffForm(String name, String idNumber, String phone, String village, String origin, String originCode,
                            LocalDate returnedOn) {
    }

    /** The daily check: temperature and the symptoms asked. */
    public record CheckForm(BigDecimal temperature, List<String> symptoms) {
    }

    /** A member of staff, masked, with today's check if any. */
    public record Staff(long id, long enterpriseId, String name, String idNumber, String phone, String villageCode, String origin,
                        boolean fromOutside, LocalDate returnedOn, LocalDate mayWorkFrom, boolean mayWorkToday,
                        BigDecimal temperatureToday, List<String> symptomsToday) {
    }

    private static final String SELECT = """
            select s.*, c.temperature, c.symptoms
            from enterprise_staff s left join enterprise_health_check c on c.staff_id = s.id and c.day = :today
            """;

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Jurisdictions jurisdictions;
    private final WorkplaceLedger ledger;
    private final PiiSealer sealer;
    private final Clock clock;

    StaffRoster(JdbcClient jdbc, Enterprises enterprises, Jurisdictions jurisdictions, WorkplaceLedger ledger, PiiSealer sealer,
                Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.jurisdictions = jurisdictions;
        this.ledger = ledger;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** A member of staff as checked, ready to write. */
    record Checked(String name, IdCardNumber id, PhoneNumber phone, String village, String origin, String originCode,
                   boolean outside, LocalDate returnedOn, LocalDate mayWorkFrom) {
    }

    /** Adds a member of staff (the same ID number again updates them); those from outside go to the village's ledger. */
    @Transactional
    public Staff add(long enterpriseId, StaffForm form, Actor actor) {
        Enterprise e = enterprises.find(enterpriseId, actor);
        requireEnterpriseOrOfficer(actor);
        return find(enterpriseId, write(e, check(form, e, ShanghaiTime.today(clock)), actor), actor);
    }

    /** Every rule of the form, nothing written: a fault names its field. */
    Checked check(StaffForm form, Enterprise e, LocalDate today) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new FieldException("name", "validation.staff.name");
        }
        IdCardNumber id = parse(() -> IdCardNumber.parse(form.idNumber()), "idNumber");
        PhoneNumber phone = parse(() -> PhoneNumber.parse(form.phone()), "phone");
        String village = village(form.village(), e);
        String origin = Enterprises.text(form.origin(), 100);
        String code = form.originCode() == null || form.originCode().isBlank() ? null : form.originCode().strip();
        if (code != null && !code.matches("\\d{2,12}")) {
            throw new FieldException("originCode", "validation.outsider.originCode");
        }
        // from outside the city: an origin named, and not a division of the enterprise's own city
        boolean outside = !origin.isEmpty() && (code == null || !code.startsWith(e.jurisdictionCode().substring(0, 4)));
        LocalDate returned = form.returnedOn();
        if (outside && (returned == null || returned.isAfter(today.plusDays(7)) || returned.isBefore(today.minusDays(30)))) {
            throw new FieldException("returnedOn", "validation.staff.returnedOn");
        }
        return new Checked(name, id, phone, village, origin, code, outside, returned,
                outside ? returned.plusDays(OBSERVATION_DAYS) : null);
    }

    /** Writes a checked member of staff (and the arrival for those from outside); answers their id. */
    long write(Enterprise e, Checked c, Actor actor) {
        long staffId = jdbc.sql("""
                        insert into enterprise_staff (enterprise_id, name_sealed, name_masked, id_hash, id_sealed, id_masked,
                                                      phone_sealed, phone_masked, village_code, origin, origin_code, from_outside,
                                                      returned_on, may_work_from, created_by)
                        values (:e, :ns, :nm, :ih, :is, :im, :ps, :pm, :v, :origin, :code, :outside, :returned, :may, :by)
                        on conflict (enterprise_id, id_hash) do update
                            set name_sealed = excluded.name_sealed, name_masked = excluded.name_masked,
                                phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
                                village_code = excluded.village_code, origin = excluded.origin, origin_code = excluded.origin_code,
                                from_outside = excluded.from_outside, returned_on = excluded.returned_on,
                                may_work_from = excluded.may_work_from, left_on = null
                        returning id
                        """)
                .param("e", e.id()).param("ns", sealer.encrypt(c.name())).param("nm", Masking.name(c.name()))
                .param("ih", sealer.hash(c.id().value())).param("is", sealer.encrypt(c.id().value())).param("im", c.id().masked())
                .param("ps", sealer.encrypt(c.phone().value())).param("pm", c.phone().masked()).param("v", c.village())
                .param("origin", c.origin()).param("code", c.originCode()).param("outside", c.outside())
                .param("returned", c.returnedOn()).param("may", c.mayWorkFrom()).param("by", actor.username())
                .query(Long.class).single();
        if (c.outside()) {
            ledger.registerReturning(c.village(), new PersonIdentity(c.name(), c.id().value(), c.phone().value()), c.origin(),
                    c.originCode(), c.returnedOn(), e.name() + " " + e.address());
        }
        return staffId;
    }

    /** The daily check of one member of staff (today; again today replaces it). A fever alerts the township. */
    @Transactional
    public Staff check(long enterpriseId, long staffId, CheckForm form, Actor actor) {
        Enterprise e = enterprises.find(enterpriseId, actor);
        Staff s = find(enterpriseId, staffId, actor);
        requireEnterpriseOrOfficer(actor);
        BigDecimal t = form.temperature();
        if (t == null || t.compareTo(new BigDecimal("34")) < 0 || t.compareTo(new BigDecimal("43")) > 0) {
            throw new FieldException("temperature", "validation.passage.temperature");
        }
        t = t.setScale(1, RoundingMode.HALF_UP);
        List<String> symptoms = form.symptoms() == null ? List.of()
                : form.symptoms().stream().map(x -> x.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        if (!SYMPTOMS.containsAll(symptoms)) {
            throw new FieldException("symptoms", "validation.staff.symptoms");
        }
        LocalDate today = ShanghaiTime.today(clock);
        jdbc.sql("""
                        insert into enterprise_health_check (staff_id, day, temperature, symptoms, recorded_by)
                        values (:s, :d, :t, cast(:sym as text[]), :by)
                        on conflict (staff_id, day) do update set temperature = excluded.temperature, symptoms = excluded.symptoms,
                                                                  recorded_by = excluded.recorded_by, recorded_at = now()
                        """).param("s", staffId).param("d", today).param("t", t).param("sym", symptoms.toArray(String[]::new))
                .param("by", actor.username()).update();
        if (t.compareTo(FEVER) >= 0) {
            PersonIdentity who = jdbc.sql("select name_sealed, id_sealed, phone_sealed from enterprise_staff where id = :id")
                    .param("id", staffId).query((rs, n) -> new PersonIdentity(sealer.open(rs.getBytes(1)), sealer.open(rs.getBytes(2)),
                            sealer.open(rs.getBytes(3)))).single();
            ledger.recordFever(s.villageCode(), e.name() + " 员工健康监测", who, t, clock.instant(), actor.username());
        }
        return find(enterpriseId, staffId, actor);
    }

    /** The staff still working there, by name, with today's check. */
    @Transactional(readOnly = true)
    public List<Staff> of(long enterpriseId, Actor actor) {
        enterprises.find(enterpriseId, actor);
        return jdbc.sql(SELECT + " where s.enterprise_id = :e and s.left_on is null order by s.name_masked, s.id")
                .param("e", enterpriseId).param("today", ShanghaiTime.today(clock)).query(mapper()).list();
    }

    @Transactional(readOnly = true)
    public Staff find(long enterpriseId, long staffId, Actor actor) {
        enterprises.find(enterpriseId, actor);
        return jdbc.sql(SELECT + " where s.enterprise_id = :e and s.id = :id").param("e", enterpriseId).param("id", staffId)
                .param("today", ShanghaiTime.today(clock)).query(mapper()).optional()
                .orElseThrow(() -> new NotFoundException("staff"));
    }

    /** Someone who left: off the roster (their row goes a year later). */
    @Transactional
    public void left(long enterpriseId, long staffId, Actor actor) {
        find(enterpriseId, staffId, actor);
        requireEnterpriseOrOfficer(actor);
        jdbc.sql("update enterprise_staff set left_on = :d where id = :id").param("d", ShanghaiTime.today(clock)).param("id", staffId)
                .update();
    }

    private RowMapper<Staff> mapper() {
        LocalDate today = ShanghaiTime.today(clock);
        return (rs, n) -> {
            LocalDate may = rs.getObject("may_work_from", LocalDate.class);
            Array sym = rs.getArray("symptoms");
            return new Staff(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("name_masked"), rs.getString("id_masked"),
                    rs.getString("phone_masked"), rs.getString("village_code"), rs.getString("origin"), rs.getBoolean("from_outside"),
                    rs.getObject("returned_on", LocalDate.class), may, may == null || !may.isAfter(today),
                    rs.getBigDecimal("temperature"), sym == null ? List.of() : List.of((String[]) sym.getArray()));
        };
    }

    /** Where they stay: the village given (in the caller's scope), else the enterprise's own village. */
    private String village(String given, Enterprise e) {
        if (given == null || given.isBlank()) {
            if (e.jurisdictionCode().length() == 12) {
                return e.jurisdictionCode();
            }
            throw new FieldException("village", "validation.staff.village");
        }
        // any village of the province: staff may live outside the enterprise's area (the tree is public)
        return jurisdictions.findUnscoped(given.strip()).filter(j -> j.level() == Level.VILLAGE).map(j -> j.code())
                .orElseThrow(() -> new FieldException("village", "validation.staff.village"));
    }

    static void requireEnterpriseOrOfficer(Actor actor) {
        if (!actor.is(Role.ENTERPRISE) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("the enterprise or its officer keeps its staff roster");
        }
    }

    private static <T> T parse(Supplier<T> value, String field) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            throw new FieldException(field, e.messageKey());
        }
    }
}
