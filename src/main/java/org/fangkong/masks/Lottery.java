package org.fangkong.masks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lottery rounds (摇号). During the booking window a citizen enters once per round (the ID number's
 * rule as for a reservation); at the window's end the round is drawn. The draw is fixed before
 * anyone enters and anyone can recompute it from the published list (docs/rules.md):
 * <ol>
 *   <li>seed = SHA-256 of the text {@code <round id>:<draw salt>} in hex (both shown from the opening);</li>
 *   <li>each entry's value = SHA-256 of {@code <seed>:<entry number>} in hex;</li>
 *   <li>per point, entries in ascending value win, as many as the point's stock holds reservations;
 *       an entry whose ID number has meanwhile reserved elsewhere is skipped (INELIGIBLE).</li>
 * </ol>
 * Winners get a reservation and a pickup code; the others are told and may book the next round.
 */
@Service
public class Lottery {

    private static final Logger log = LoggerFactory.getLogger(Lottery.class);

    /** An entry made: its number in the round's list, and the entrant's link to the result. */
    public record Entered(long roundId, int number, String pointName, String token, Instant drawAt) {
    }

    /** One line of the published list: nothing more than the masked identity and the point. */
    public record PublishedEntry(int number, String pointName, String nameMasked, String idMasked, String value, String result) {
    }

    /** What the entrant's link shows. */
    public record EntryResult(MaskRound round, int number, String pointName, String nameMasked, String result,
                              Reservation reservation) {
    }

    private final JdbcClient jdbc;
    private final Reservations reservations;
    private final MaskRounds rounds;
    private final PiiSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Lottery(JdbcClient jdbc, Reservations reservations, MaskRounds rounds, PiiSealer sealer, Clock clock) {
        this.jdbc = jdbc;
        this.reservations = reservations;
        this.rounds = rounds;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Transactional
    public Entered enter(ReservationForm form) {
        Reservations.Typed typed = reservations.check(form);
        MaskRound round = typed.round();
        if (round.mode() != MaskRound.Mode.LOTTERY) {
            throw new FieldException("roundId", "validation.masks.firstComeRound");
        }
        String point = jdbc.sql("""
                        select p.name from mask_round_point m join pickup_point p on p.id = m.point_id
                        where m.round_id = :r and m.point_id = :p
                        """).param("r", round.id()).param("p", form.pointId()).query(String.class).optional()
                .orElseThrow(() -> new FieldException("pointId", "validation.masks.point"));
        byte[] idHash = reservations.lockAndCheck(typed.id(), round, clock.instant());
        // the entries of a round are numbered one at a time
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('lottery:' || cast(:r as text), 0))")
                .param("r", round.id()).query((rs, n) -> 1).list();
        boolean entered = jdbc.sql("select exists (select 1 from lottery_entry where round_id = :r and id_hash = :h)")
                .param("r", round.id()).param("h", idHash).query(Boolean.class).single();
        if (entered) {
            throw new ConflictException("idNumber", "validation.masks.alreadyBooked");
        }
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from lottery_entry where round_id = :r")
                .param("r", round.id()).query(Integer.class).single();
        String token = token();
        IdCardNumber id = typed.id();
        PhoneNumber phone = typed.phone();
        jdbc.sql("""
                        insert into lottery_entry (round_id, number, point_id, id_hash, id_sealed, id_masked, name_sealed,
                                                   name_masked, phone_sealed, phone_masked, link_hash)
                        values (:r, :n, :p, :h, :is, :im, :ns, :nm, :ps, :pm, :link)
                        """)
                .param("r", round.id()).param("n", number).param("p", form.pointId()).param("h", idHash)
                .param("is", sealer.encrypt(id.value())).param("im", id.masked()).param("ns", sealer.encrypt(typed.name()))
                .param("nm", Masking.name(typed.name())).param("ps", sealer.encrypt(phone.value())).param("pm", phone.masked())
                .param("link", linkHash(token)).update();
        return new Entered(round.id(), number, point, token, round.closesAt());
    }

    /** The seed of a round's draw: SHA-256 of {@code <round id>:<draw salt>}, hex. */
    public static String seed(MaskRound round) {
        return sha256(round.id() + ":" + round.drawSalt());
    }

    /** An entry's value in the draw: SHA-256 of {@code <seed>:<number>}, hex; the lowest values win. */
    public static String value(String seed, int number) {
        return sha256(seed + ":" + number);
    }

    /** The lottery rounds whose window has ended and that are not drawn yet. */
    @Transactional(readOnly = true)
    public List<Long> due() {
        return jdbc.sql("""
                        select id from mask_round where mode = 'LOTTERY' and drawn_at is null and closes_at <= :now order by id
                        """).param("now", Timestamp.from(clock.instant())).query(Long.class).list();
    }

    /** Draws one round (once: the round's row is locked and marked); answers whether it drew. */
    @Transactional
    public boolean draw(long roundId) {
        Optional<MaskRound> locked = jdbc.sql("""
                        select r.id, r.scope_code, r.name, r.mode, r.quota, r.period_days, r.opens_at, r.closes_at,
                               r.pickup_from, r.pickup_to, r.draw_salt
                        from mask_round r where r.id = :r and r.mode = 'LOTTERY' and r.drawn_at is null and r.closes_at <= :now
                        for update
                        """).param("r", roundId).param("now", Timestamp.from(clock.instant()))
                .query(MaskRounds.MAPPER).optional();
        if (locked.isEmpty()) {
            return false;
        }
        MaskRound round = locked.get();
        String seed = seed(round);
        record Entry(long id, int number, long pointId, byte[] idSealed, byte[] nameSealed, byte[] phoneSealed) {
        }
        Map<Long, List<Entry>> byPoint = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, number, point_id, id_sealed, name_sealed, phone_sealed from lottery_entry
                        where round_id = :r order by number
                        """).param("r", round.id())
                .query((rs, n) -> byPoint.computeIfAbsent(rs.getLong(3), k -> new ArrayList<>())
                        .add(new Entry(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6))))
                .list();
        Instant now = clock.instant();
        int won = 0;
        for (var point : byPoint.entrySet()) {
            List<Entry> entries = new ArrayList<>(point.getValue());
            entries.sort(Comparator.comparing((Entry e) -> value(seed, e.number())));
            for (Entry e : entries) {
                String result;
                Long reservation = null;
                try {
                    reservation = reservations.book(round, e.pointId(), sealer.open(e.nameSealed()),
                            IdCardNumber.parse(sealer.open(e.idSealed())), PhoneNumber.parse(sealer.open(e.phoneSealed())), now).id();
                    result = "WON";
                    won++;
                } catch (ConflictException c) {
                    // the point is full: lost; the ID number reserved elsewhere meanwhile: skipped
                    result = c.messageKey().endsWith("soldOut") ? "LOST" : "INELIGIBLE";
                }
                jdbc.sql("update lottery_entry set result = :res, reservation_id = :v where id = :id")
                        .param("res", result).param("v", reservation).param("id", e.id()).update();
            }
        }
        jdbc.sql("update mask_round set drawn_at = :now where id = :r").param("now", Timestamp.from(now))
                .param("r", round.id()).update();
        log.info("Lottery round {} drawn: {} winners", round.id(), won);
        return true;
    }

    /** The round's entries as published: number, point, masked name and ID number, the draw value and the result once drawn. */
    @Transactional(readOnly = true)
    public List<PublishedEntry> published(long roundId) {
        MaskRound round = rounds.published(roundId);
        String seed = seed(round);
        return jdbc.sql("""
                        select e.number, p.name, e.name_masked, e.id_masked, e.result
                        from lottery_entry e join pickup_point p on p.id = e.point_id
                        where e.round_id = :r order by e.number
                        """).param("r", roundId)
                .query((rs, n) -> new PublishedEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        value(seed, rs.getInt(1)), rs.getString(5)))
                .list();
    }

    /** What an entrant's link shows: before the draw, when it is; after, the result and a winner's reservation. */
    @Transactional(readOnly = true)
    public EntryResult result(String token) {
        record Row(long roundId, int number, String point, String name, String result, Long reservation) {
        }
        Row row = jdbc.sql("""
                        select e.round_id, e.number, p.name, e.name_masked, e.result, e.reservation_id
                        from lottery_entry e join pickup_point p on p.id = e.point_id where e.link_hash = :h
                        """).param("h", linkHash(token == null ? "" : token))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, Long.class)))
                .optional().orElseThrow(() -> new NotFoundException("lotteryEntry"));
        return new EntryResult(rounds.published(row.roundId()), row.number(), row.point(), row.name(), row.result(),
                row.reservation() == null ? null : reservations.find(row.reservation()));
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] linkHash(String token) {
        return sealer.hash("lottery-link:" + token);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
