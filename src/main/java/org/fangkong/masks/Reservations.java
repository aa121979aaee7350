package org.fangkong.masks;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
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
 * Reservations (预约), first come first served: one open reservation per ID number, and after a pickup
 * none for the round's period, across every round and point (the ID's reservations are looked at
 * under a lock of that ID), and never more masks than a
 * point's stock (the stock row only takes a reservation that fits, under its row lock). The answer
 * for an ID number that has one says only that it has: nothing of where or when.
 */
@Service
public class Reservations {

    private static final String SELECT = """
            select v.id, v.round_id, v.point_id, p.name as point_name, v.name_masked, v.id_masked, v.phone_masked, v.masks,
                   v.pickup_code, r.pickup_from, r.pickup_to, v.status, v.booked_at, v.collected_at
            from reservation v join pickup_point p on p.id = v.point_id join mask_round r on r.id = v.round_id
            """;
    private static final RowMapper<Reservation> MAPPER = (rs, n) -> {
        Timestamp collected = rs.getTimestamp("collected_at");
        return new Reservation(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("point_id"), rs.getString("point_name"),
                rs.getString("name_masked"), rs.getString("id_masked"), rs.getString("phone_masked"), rs.getInt("masks"),
                rs.getString("pickup_code"), rs.getObject("pickup_from", LocalDate.class),
                rs.getObject("pickup_to", LocalDate.class), Reservation.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("booked_at").toInstant(), collected == null ? null : collected.toInstant());
    };

    private final JdbcClient jdbc;
    private final MaskRounds rounds;
    private final PickupPoints points;
    private final ReservationWriter writer;
    private final PiiSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Reservations(JdbcClient jdbc, MaskRounds rounds, PickupPoints points, ReservationWriter writer, PiiSealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.points = points;
        this.writer = writer;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * A citizen's reservation (no login): checked here, then counted against the ID's period and the
     * point's stock by the group-committing writer (no transaction is held while it waits).
     */
    public Reservation reserve(ReservationForm form) {
        Typed typed = check(form);
        if (typed.round().mode() != MaskRound.Mode.FIRST_COME) {
            throw new FieldException("roundId", "validation.masks.lotteryRound");
        }
        try {
            return writer.submit(typed.round(), form.pointId(), typed.name(), typed.id(), typed.phone(), clock.instant())
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ConflictException("pointId", "validation.masks.busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form checked: the name, ID number and phone as typed, and the round, open now. */
    record Typed(MaskRound round, String name, IdCardNumber id, PhoneNumber phone) {
    }

    /** Checks what a citizen typed and that the round takes reservations (or entries) now. */
    Typed check(ReservationForm form) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new FieldException("name", "validation.masks.name");
        }
        IdCardNumber id = parse(() -> IdCardNumber.parse(form.idNumber()), "idNumber");
        PhoneNumber phone = parse(() -> PhoneNumber.parse(form.phone()), "phone");
        if (form.roundId() == null || form.pointId() == null) {
            throw new FieldException(form.roundId() == null ? "roundId" : "pointId", "validation.masks.point");
        }
        MaskRound round = rounds.published(form.roundId());
        Instant now = clock.instant();
        if (!round.openAt(now)) {
            throw new FieldException("roundId", now.isBefore(round.opensAt()) ? "validation.masks.notOpen" : "validation.masks.closed");
        }
        return new Typed(round, name, id, phone);
    }

    /**
     * Locks the ID number for this transaction and refuses it (409, nothing else said) when it has an
     * open reservation or collected within the round's period.
     */
    byte[] lockAndCheck(IdCardNumber id, MaskRound round, Instant now) {
        byte[] idHash = sealer.hash(id.value());
        // one ID at a time: its check and its reservation cannot interleave with another of its own
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reservation:' || encode(:h, 'hex'), 0))")
                .param("h", idHash).query((rs, n) -> 1).list();
        boolean taken = jdbc.sql("""
                        select exists (select 1 from reservation where id_hash = :h
                                       and (status = 'BOOKED' or (status = 'COLLECTED' and collected_at > :since)))
                        """)
                .param("h", idHash).param("since", Timestamp.from(now.minus(Duration.ofDays(round.periodDays()))))
                .query(Boolean.class).single();
        if (taken) {
            throw new ConflictException("idNumber", "validation.masks.alreadyBooked");
        }
        return idHash;
    }

    /** Books the round's quota at the point for this person: the ID's rule, then the stock, then the code. */
    Reservation book(MaskRound round, long pointId, String name, IdCardNumber id, PhoneNumber phone, Instant now) {
        byte[] idHash = lockAndCheck(id, round, now);
        int fits = jdbc.sql("""
                        update mask_round_point set booked = booked + :q
                        where round_id = :r and point_id = :p and booked + :q <= quantity
                        """)
                .param("q", round.quota()).param("r", round.id()).param("p", pointId).update();
        if (fits == 0) {
            boolean known = jdbc.sql("select exists (select 1 from mask_round_point where round_id = :r and point_id = :p)")
                    .param("r", round.id()).param("p", pointId).query(Boolean.class).single();
            throw known ? new ConflictException("pointId", "validation.masks.soldOut")
                    : new FieldException("pointId", "validation.masks.point");
        }
        long reservation = insert(round, pointId, name, id, phone, idHash);
        return find(reservation);
    }

    @Transactional(readOnly = true)
    Reservation find(long reservationId) {
        return jdbc.sql(SELECT + " where v.id = :id").param("id", reservationId).query(MAPPER).single();
    }

    private long insert(MaskRound round, long point, String name, IdCardNumber id, PhoneNumber phone, byte[] idHash) {
        for (int attempt = 0; ; attempt++) {
            // 6 digits, unique among the point's open reservations of the round: a clash is drawn again
            Optional<Long> inserted = jdbc.sql("""
                            insert into reservation (round_id, point_id, id_hash, id_sealed, id_masked, name_sealed, name_masked,
                                                     phone_sealed, phone_masked, masks, pickup_code)
                            values (:r, :p, :h, :is, :im, :ns, :nm, :ps, :pm, :q, :code)
                            on conflict (round_id, point_id, pickup_code) where status = 'BOOKED' do nothing
                            returning id
                            """)
                    .param("r", round.id()).param("p", point).param("h", idHash).param("is", sealer.encrypt(id.value()))
                    .param("im", id.masked()).param("ns", sealer.encrypt(name)).param("nm", Masking.name(name))
                    .param("ps", sealer.encrypt(phone.value())).param("pm", phone.masked()).param("q", round.quota())
                    .param("code", "%06d".formatted(random.nextInt(1_000_000))).query(Long.class).optional();
            if (inserted.isPresent()) {
                return inserted.get();
            }
            if (attempt > 20) {
                throw new IllegalStateException("no free pickup code at point " + point);
            }
        }
    }

    /**
     * The point's staff hand the masks over for a pickup code (or the ID number of the card shown),
     * once, on a pickup day; answers the reservation (masked) to check the ID card against.
     */
    @Transactional
    public Reservation collect(long pointId, String code, Actor actor) {
        points.find(pointId, actor); // 404 outside the caller's scope, before anything else is said
        if (!actor.is(Role.PICKUP_POINT) && !actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("pickup point staff hand out masks");
        }
        String typed = code == null ? "" : code.strip();
        // the pickup code, or the ID number on the card the person shows
        byte[] idHash = null;
        if (!typed.matches("\\d{6}")) {
            try {
                idHash = sealer.hash(IdCardNumber.parse(typed).value());
            } catch (InvalidValueException e) {
                throw new FieldException("code", "validation.masks.code");
            }
        }
        LocalDate today = ShanghaiTime.today(clock);
        Optional<Long> done = jdbc.sql("""
                        update reservation v set status = 'COLLECTED', collected_at = now(), collected_by = :by
                        from mask_round r, pickup_point p, jurisdiction j
                        where r.id = v.round_id and p.id = v.point_id and j.code = p.jurisdiction_code
                          and v.point_id = :p and v.status = 'BOOKED'
                          and (case when cast(:h as bytea) is null then v.pickup_code = :code else v.id_hash = :h end)
                          and :today between r.pickup_from and r.pickup_to and j.path <@ cast(:scope as ltree)
                        returning v.id
                        """)
                .param("by", actor.username()).param("p", pointId).param("code", typed).param("h", idHash).param("today", today)
                .param("scope", actor.scopePath()).query(Long.class).optional();
        if (done.isEmpty()) {
            throw new NotFoundException("reservation"); // unknown, already collected, not today or not this point
        }
        jdbc.sql("""
                        update mask_round_point m set collected = collected + v.masks
                        from reservation v where v.id = :id and m.round_id = v.round_id and m.point_id = v.point_id
                        """).param("id", done.get()).update();
        return jdbc.sql(SELECT + " where v.id = :id").param("id", done.get()).query(MAPPER).single();
    }

    /** Reservations not collected by the end of their round's pickup days: their masks go back to the point's stock. */
    @Transactional
    public int releaseUncollected(LocalDate today) {
        return jdbc.sql("""
                        with released as (
                            update reservation v set status = 'RELEASED'
                            from mask_round r where r.id = v.round_id and v.status = 'BOOKED' and r.pickup_to < :today
                            returning v.round_id, v.point_id, v.masks
                        ), back as (
                            update mask_round_point m set booked = m.booked - s.masks, no_show = m.no_show + s.masks
                            from (select round_id, point_id, sum(masks) as masks from released group by round_id, point_id) s
                            where m.round_id = s.round_id and m.point_id = s.point_id
                        )
                        select count(*) from released
                        """).param("today", today).query(Integer.class).single();
    }

    private static <T> T parse(Supplier<T> value, String field) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            throw new FieldException(field, e.messageKey());
        }
    }
}
