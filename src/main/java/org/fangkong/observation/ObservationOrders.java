package org.fangkong.observation;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangkong.common.FangkongProperties;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.ledger.LedgerWhereabouts;
import org.fangkong.ledger.OutsiderRegistered;
import org.fangkong.ledger.OutsidersImported;
import org.fangkong.ledger.Whereabouts;
import org.fangkong.observation.ObservationOrder.Reason;
import org.fangkong.observation.ObservationOrder.Status;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.fangkong.tracing.ContactsIdentified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observation orders: opened by an officer, or by themselves when the ledger registers an arrival
 * from a key area (anchored on the day the person left it, else the day of arrival). One open
 * order per person. Each order gets a personal link (an unguessable token, kept only as its hash)
 * through which the person enters their own readings.
 */
@Service
public class ObservationOrders {

    /** Length of observation in days (docs/rules.md: 14). */
    public static final int DAYS = 14;

    private static final Logger log = LoggerFactory.getLogger(ObservationOrders.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String SELECT = """
            select o.*, p.name_masked, p.id_masked, p.phone_masked, j.name as jurisdiction_name,
                   exists (select 1 from observation_reading r where r.order_id = o.id and r.day = :today and r.half = 'MORNING') as morning_done,
                   exists (select 1 from observation_reading r where r.order_id = o.id and r.day = :today and r.half = 'EVENING') as evening_done
            from observation_order o
            join person_record p on p.id = o.record_id
            join jurisdiction j on j.code = o.jurisdiction_code
            """;

    /** What an officer types to open an order by hand. */
    public record OrderForm(String name, String idNumber, String phone, String reason, String reasonDetail,
                            LocalDate anchorDate, String jurisdiction, Long householdId, String address, String gridWorker,
                            String villageDoctor) {
    }

    /** A new order and its personal link token (shown once: only its hash is kept). */
    public record Opened(ObservationOrder order, String linkToken) {
    }

    private final JdbcClient jdbc;
    private final PersonRegistry persons;
    private final PersonRecords records;
    private final Jurisdictions jurisdictions;
    private final PiiSealer sealer;
    private final Clock clock;
    private final LedgerWhereabouts whereabouts;
    private final String publicUrl;
    private final ApplicationEventPublisher events;

    ObservationOrders(JdbcClient jdbc, PersonRegistry persons, PersonRecords records,
                      Jurisdictions jurisdictions, PiiSealer sealer, Clock clock,
                      LedgerWhereabouts whereabouts, FangkongProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.whereabouts = whereabouts;
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
        this.jdbc = jdbc;
        this.persons = persons;
        this.records = records;
        this.jurisdictions = jurisdictions;
        this.sealer = sealer;
        this.clock = clock;
    }

    static boolean mayRead(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.OFFICER) || actor.is(Role.GRID_WORKER) || actor.is(Role.COMMANDER);
    }

    static boolean mayRecord(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.OFFICER) || actor.is(Role.GRID_WORKER);
    }

    static void requireRead(Actor actor) {
        if (!mayRead(actor)) {
            throw new AccessDeniedException("observation is for grid workers, officers and commanders");
        }
    }

    /** An officer's order: who, why, from which day, where, who follows them up. */
    @Transactional
    public Opened open(OrderForm form, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers open observation orders");
        }
        Jurisdiction place = jurisdictions.find(form.jurisdiction() == null ? "" : form.jurisdiction().strip(), actor.scopePath())
                .filter(j -> j.level() == Level.VILLAGE || j.level() == Level.GRID)
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.ledger.jurisdiction"));
        Reason reason = parseReason(form.reason());
        LocalDate today = ShanghaiTime.today(clock);
        if (form.anchorDate() == null || form.anchorDate().isAfter(today)) {
            throw new FieldException("anchorDate", "validation.observation.anchorDate");
        }
        if (form.householdId() != null) {
            if (!whereabouts.householdInScope(form.householdId(), actor.scopePath())) {
                throw new NotFoundException("household"); // as for a household that does not exist
            }
        }
        PersonRecords.Enrolled who = records.enrol(new PersonIdentity(form.name(), form.idNumber(), form.phone()), place.code(),
                PersonRecords.Source.OBSERVATION);
        String token = token();
        Optional<Long> id = insert(who, reason, text(form.reasonDetail()), form.anchorDate(), place.code(),
                form.householdId(), text(form.address()), text(form.gridWorker()), text(form.villageDoctor()), "manual",
                token, actor.username());
        if (id.isEmpty()) {
            throw new ConflictException("idNumber", "validation.observation.alreadyOpen");
        }
        return new Opened(find(id.get(), actor), token);
    }

    /** Whether the order lies in the subtree {@code scopePath}: ids other modules take from a body are checked so. */
    @Transactional(readOnly = true)
    public boolean inScope(long orderId, String scopePath) {
        return jdbc.sql("""
                        select exists (select 1 from observation_order o join jurisdiction j on j.code = o.jurisdiction_code
                                       where o.id = :o and j.path <@ cast(:scope as ltree))
                        """).param("o", orderId).param("scope", scopePath).query(Boolean.class).single();
    }

    private static Reason parseReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return Reason.OFFICER;
        }
        try {
            return Reason.valueOf(reason.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("reason", "validation.observation.reason");
        }
    }

    /** An arrival from a key area: 14 days from the day they left it (else arrived), if that is not over yet. */
    @ApplicationModuleListener
    void on(OutsiderRegistered arrival) {
        open(arrival);
    }

    /** The arrivals of a chunk of an outsider import, in one transaction. */
    @ApplicationModuleListener
    void on(OutsidersImported imported) {
        imported.arrivals().forEach(this::open);
    }

    private void open(OutsiderRegistered arrival) {
        if (!arrival.fromKeyArea()) {
            return;
        }
        LocalDate anchor = arrival.leftKeyAreaOn() != null ? arrival.leftKeyAreaOn() : arrival.arrivedOn();
        if (anchor.plusDays(DAYS).isBefore(ShanghaiTime.today(clock))) {
            return; // the 14 days are over already
        }
        PersonRecords.Enrolled who = new PersonRecords.Enrolled(arrival.personId(),
                records.copy(arrival.recordId(), arrival.jurisdictionCode(), PersonRecords.Source.OBSERVATION));
        Optional<Long> id = insert(who, Reason.KEY_AREA_ARRIVAL, arrival.origin(), anchor,
                arrival.jurisdictionCode(), arrival.householdId(), "", "", "", "outsider:" + arrival.outsiderId(), token(),
                "system");
        id.ifPresent(o -> log.info("observation order {} opened for outsider {}", o, arrival.outsiderId()));
    }

    /** The name a close contact known only by phone is registered under until someone learns it. */
    static final String UNNAMED = "姓名待核实";

    /**
     * Close contacts sent from a tracing result: each is found by phone (or registered by phone
     * alone), observed where the ledgers say they live, else where the exposure happened, for 14
     * days from the last close exposure. Someone already under observation keeps their order.
     */
    @ApplicationModuleListener
    void on(ContactsIdentified identified) {
        List<ContactsIdentified.Contact> contacts = identified.contacts().stream()
                .filter(c -> !c.lastExposure().plusDays(DAYS).isBefore(ShanghaiTime.today(clock))).toList();
        long[] people = new long[contacts.size()];
        PersonRegistry.Checked[] typed = new PersonRegistry.Checked[people.length];
        for (int i = 0; i < people.length; i++) {
            typed[i] = PersonRegistry.check(new PersonIdentity(UNNAMED, null, sealer.open(contacts.get(i).phoneSealed())));
            PersonRegistry.Checked phoneOnly = typed[i];
            people[i] = persons.findByPhone(phoneOnly.phone()).orElseGet(() -> persons.resolve(phoneOnly));
        }
        Map<Long, Whereabouts> where = whereabouts.of(people);
        int opened = 0;
        for (int i = 0; i < people.length; i++) {
            ContactsIdentified.Contact c = contacts.get(i);
            Whereabouts w = where.get(people[i]);
            boolean placed = w != null && w.placed();
            String place = placed ? w.jurisdictionCode() : c.venueJurisdiction();
            // the order shows what its place recorded of the person, else only the phone the check-in gave
            long person = people[i];
            PersonRegistry.Checked phoneOnly = typed[i];
            long record = records.recordAt(person, place)
                    .map(r -> records.copy(r, place, PersonRecords.Source.OBSERVATION))
                    .orElseGet(() -> records.record(person, phoneOnly, place, PersonRecords.Source.OBSERVATION));
            opened += insert(new PersonRecords.Enrolled(people[i], record), Reason.CLOSE_CONTACT, "与 " + identified.indexPhoneMasked() + " 在" + c.venueName() + "接触（流调）",
                    c.lastExposure(), placed ? w.jurisdictionCode() : c.venueJurisdiction(), placed ? w.householdId() : null,
                    placed && w.address() != null ? w.address() : "", "", "", "tracing", token(), identified.by())
                    .isPresent() ? 1 : 0;
        }
        log.info("{} of {} close contacts put under observation", opened, identified.contacts().size());
    }

    /** Inserts an order unless the person has an open one; answers the new id. */
    private Optional<Long> insert(PersonRecords.Enrolled who, Reason reason, String detail, LocalDate anchor, String place, Long household,
                                  String address, String gridWorker, String doctor, String source, String token, String by) {
        Optional<Long> id = jdbc.sql("""
                        insert into observation_order (person_id, record_id, reason, reason_detail, anchor_date,
                                                       jurisdiction_code, household_id, address, grid_worker, village_doctor,
                                                       source, link_hash, opened_by)
                        values (:p, :rec, :reason, :detail, :anchor, :j, :h, :address, :gw, :doctor, :source, :link, :by)
                        on conflict (person_id) where status in ('ACTIVE', 'ESCALATED') do nothing
                        returning id
                        """)
                .param("p", who.personId()).param("rec", who.recordId()).param("reason", reason.name()).param("detail", detail).param("anchor", anchor)
                .param("j", place).param("h", household).param("address", address).param("gw", gridWorker)
                .param("doctor", doctor).param("source", source).param("link", linkHash(token)).param("by", by)
                .query(Long.class).optional();
        id.ifPresent(order -> events.publishEvent(new ObservationOrderOpened(order, place, reason, anchor)));
        return id;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The personal link's full address, as sent to the person. */
    public String link(String token) {
        return publicUrl + "/o/" + token;
    }

    byte[] linkHash(String token) {
        return sealer.hash("observation-link:" + token);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** Issues a new personal link (the old one stops working), e.g. when the person lost the message. */
    @Transactional
    public String renewLink(long id, Actor actor) {
        if (!mayRecord(actor)) {
            throw new AccessDeniedException("grid workers and officers renew links");
        }
        find(id, actor);
        String token = token();
        jdbc.sql("update observation_order set link_hash = :h where id = :id").param("h", linkHash(token)).param("id", id).update();
        return token;
    }

    @Transactional(readOnly = true)
    public ObservationOrder find(long id, Actor actor) {
        requireRead(actor);
        return jdbc.sql(SELECT + " where o.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath()).param("today", ShanghaiTime.today(clock))
                .query(this::map).optional().orElseThrow(() -> new NotFoundException("observationOrder"));
    }

    /** The order behind a personal link, if it is still open. */
    @Transactional(readOnly = true)
    public Optional<ObservationOrder> byLink(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where o.link_hash = :h and o.status in ('ACTIVE', 'ESCALATED')")
                .param("h", linkHash(token)).param("today", ShanghaiTime.today(clock)).query(this::map).optional();
    }

    /** Orders in scope (or of one place): open ones by default, escalated first, then by day. */
    @Transactional(readOnly = true)
    public List<ObservationOrder> list(String jurisdiction, boolean openOnly, Actor actor) {
        requireRead(actor);
        return jdbc.sql(SELECT + """
                        where j.path <@ cast(:scope as ltree) and (cast(:j as text) is null or o.jurisdiction_code = :j)
                          and (not :open or o.status in ('ACTIVE', 'ESCALATED'))
                        order by o.status <> 'ESCALATED', o.status <> 'ACTIVE', o.anchor_date, o.id limit 500
                        """)
                .param("scope", actor.scopePath()).param("today", ShanghaiTime.today(clock))
                .param("j", jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip())
                .param("open", openOnly).query(this::map).list();
    }

    ObservationOrder map(ResultSet rs, int n) throws SQLException {
        LocalDate anchor = rs.getObject("anchor_date", LocalDate.class);
        int day = (int) ChronoUnit.DAYS.between(anchor, ShanghaiTime.today(clock));
        return new ObservationOrder(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name_masked"),
                rs.getString("id_masked"), rs.getString("phone_masked"), Reason.valueOf(rs.getString("reason")),
                rs.getString("reason_detail"), anchor, rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
                rs.getObject("household_id", Long.class), rs.getString("address"), rs.getString("grid_worker"),
                rs.getString("village_doctor"), Status.valueOf(rs.getString("status")), rs.getString("source"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), Math.max(0, day),
                rs.getBoolean("morning_done"), rs.getBoolean("evening_done"));
    }
}
