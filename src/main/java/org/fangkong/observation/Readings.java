package org.fangkong.observation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Temperature;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.observation.Reading.Half;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twice-daily readings (docs/rules.md): entered by the grid worker or village doctor, or by the person
 * through their link (today only, the half-day by the server's clock). A fever (≥ 37.3 ℃ by
 * default) or any listed symptom escalates the order at once and raises the township's alert.
 */
@Service
public class Readings {

    /** A reading as typed: day and half default to now; symptoms by name. */
    public record ReadingForm(LocalDate day, String half, BigDecimal temperature, List<String> symptoms) {
    }

    private final JdbcClient jdbc;
    private final ObservationOrders orders;
    private final Clock clock;
    private final BigDecimal fever;
    private final LocalTime eveningFrom;

    Readings(JdbcClient jdbc, ObservationOrders orders, Clock clock,
             @Value("${fangkong.observation.fever:37.3}") BigDecimal fever,
             @Value("${fangkong.observation.evening-from:14:00}") LocalTime eveningFrom) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
        this.fever = fever;
        this.eveningFrom = eveningFrom;
    }

    /** Morning or evening, by the Asia/Shanghai clock now. */
    Half halfNow() {
        return halfAt(clock.instant());
    }

    /** The half-day a moment falls in (Asia/Shanghai). */
    Half halfAt(Instant at) {
        return OffsetDateTime.ofInstant(at, ShanghaiTime.ZONE).toLocalTime().isBefore(eveningFrom) ? Half.MORNING : Half.EVENING;
    }

    /** A reading by staff, for today or an earlier day of the order. */
    @Transactional
    public Reading record(long orderId, ReadingForm form, Actor actor) {
        if (!ObservationOrders.mayRecord(actor)) {
            throw new AccessDeniedException("grid workers, village doctors and officers record readings");
        }
        ObservationOrder order = orders.find(orderId, actor);
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate day = form.day() == null ? today : form.day();
        if (day.isAfter(today) || !day.isAfter(order.anchorDate()) || day.isAfter(order.lastDay())) {
            throw new FieldException("day", "validation.reading.day");
        }
        Half half;
        try {
            half = form.half() == null || form.half().isBlank() ? halfNow() : Half.valueOf(form.half().strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("half", "validation.reading.half");
        }
        return write(order, day, half, form.temperature(), form.symptoms(), "STAFF", actor.username());
    }

    /** A reading through the person's own link: today, this half-day. */
    @Transactional
    public Reading recordByLink(String token, BigDecimal temperature, List<String> symptoms) {
        ObservationOrder order = orders.byLink(token).orElseThrow(() -> new NotFoundException("observationOrder"));
        LocalDate today = ShanghaiTime.today(clock);
        if (!today.isAfter(order.anchorDate()) || today.isAfter(order.lastDay())) {
            throw new FieldException("day", "validation.reading.day");
        }
        return write(order, today, halfNow(), temperature, symptoms, "LINK", "link");
    }

    private Reading write(ObservationOrder order, LocalDate day, Half half, BigDecimal typed, List<String> symptomNames,
                          String via, String by) {
        if (!order.open()) {
            throw new FieldException("order", "validation.observation.closed");
        }
        BigDecimal temperature;
        try {
            temperature = Temperature.check(typed);
        } catch (InvalidValueException e) {
            throw new FieldException("temperature", e.messageKey());
        }
        List<Symptom> symptoms = new ArrayList<>();
        for (String s : symptomNames == null ? List.<String>of() : symptomNames) {
            try {
                if (s != null && !s.isBlank() && !symptoms.contains(Symptom.valueOf(s.strip()))) {
                    symptoms.add(Symptom.valueOf(s.strip()));
                }
            } catch (IllegalArgumentException e) {
                throw new FieldException("symptoms", "validation.reading.symptom");
            }
        }
        Instant now = clock.instant();
        Optional<Long> id = jdbc.sql("""
                        insert into observation_reading (order_id, day, half, temperature, symptoms, via, recorded_by, recorded_at)
                        values (:o, :day, :half, :t, :symptoms, :via, :by, :at)
                        on conflict (order_id, day, half) do nothing
                        returning id
                        """)
                .param("o", order.id()).param("day", day).param("half", half.name()).param("t", temperature)
                .param("symptoms", symptoms.stream().map(Enum::name).toArray(String[]::new)).param("via", via)
                .param("by", by).param("at", Timestamp.from(now)).query(Long.class).optional();
        if (id.isEmpty()) {
            throw new ConflictException("half", "validation.reading.duplicate");
        }
        boolean alarming = temperature.compareTo(fever) >= 0 || !symptoms.isEmpty();
        if (alarming) {
            // the township health centre's alert list (observation-alerts)
            jdbc.sql("insert into observation_alert (order_id, reading_id, raised_at) values (:o, :r, :at)")
                    .param("o", order.id()).param("r", id.get()).param("at", Timestamp.from(now)).update();
            jdbc.sql("update observation_order set status = 'ESCALATED' where id = :o").param("o", order.id()).update();
        }
        return new Reading(id.get(), order.id(), day, half, temperature, List.copyOf(symptoms), via, by, now, alarming);
    }

    /** The order's readings, newest first. */
    @Transactional(readOnly = true)
    public List<Reading> readings(long orderId, Actor actor) {
        orders.find(orderId, actor);
        return list(orderId);
    }

    List<Reading> list(long orderId) {
        return jdbc.sql("""
                        select r.*, exists (select 1 from observation_alert a where a.reading_id = r.id) as alarming
                        from observation_reading r where r.order_id = :o order by r.day desc, r.half desc
                        """).param("o", orderId)
                .query((rs, n) -> new Reading(rs.getLong("id"), rs.getLong("order_id"), rs.getObject("day", LocalDate.class),
                        Half.valueOf(rs.getString("half")), rs.getBigDecimal("temperature"),
                        Arrays.stream((String[]) rs.getArray("symptoms").getArray()).map(Symptom::valueOf).toList(),
                        rs.getString("via"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getBoolean("alarming")))
                .list();
    }
}
