package org.fangkong.masks;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.fangkong.common.Like;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds (批次): a county or city opens one with its booking window, pickup days, the masks per
 * reservation and the period an ID number then waits (defaults {@code fangkong.masks.quota} and
 * {@code fangkong.masks.period-days}: 5 masks, 10 days), and the stock of each point.
 */
@Service
public class MaskRounds {

    private static final String SELECT = """
            select r.id, r.scope_code, r.name, r.mode, r.quota, r.period_days, r.opens_at, r.closes_at, r.pickup_from,
                   r.pickup_to, r.draw_salt
            from mask_round r join jurisdiction j on j.code = r.scope_code
            """;
    static final RowMapper<MaskRound> MAPPER = (rs, n) -> new MaskRound(rs.getLong("id"), rs.getString("scope_code"),
            rs.getString("name"), MaskRound.Mode.valueOf(rs.getString("mode")), rs.getInt("quota"), rs.getInt("period_days"),
            rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
            rs.getObject("pickup_from", LocalDate.class), rs.getObject("pickup_to", LocalDate.class), rs.getString("draw_salt"));

    /** A point's share of a round, in masks. */
    public record Allocation(long pointId, int quantity) {
    }

    /** What it takes to open a round; an empty quota or period takes the configured rule. */
    public record RoundForm(String scope, String name, MaskRound.Mode mode, Integer quota, Integer periodDays, Instant opensAt,
                            Instant closesAt, LocalDate pickupFrom, LocalDate pickupTo, List<Allocation> points) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final int defaultQuota;
    private final int defaultPeriodDays;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Long, MaskRound> published = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();

    MaskRounds(JdbcClient jdbc, Jurisdictions jurisdictions, @Value("${fangkong.masks.quota:5}") int defaultQuota,
               @Value("${fangkong.masks.period-days:10}") int defaultPeriodDays) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.defaultQuota = defaultQuota;
        this.defaultPeriodDays = defaultPeriodDays;
    }

    @Transactional
    public MaskRound open(RoundForm form, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers and commanders open rounds");
        }
        Jurisdiction scope = jurisdictions.find(form.scope() == null ? "" : form.scope().strip(), actor.scopePath())
                .filter(j -> j.level() == Level.CITY || j.level() == Level.COUNTY)
                .orElseThrow(() -> new FieldException("scope", "validation.masks.roundScope"));
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new FieldException("name", "validation.masks.roundName");
        }
        int quota = form.quota() == null ? defaultQuota : form.quota();
        if (quota < 1 || quota > 100) {
            throw new FieldException("quota", "validation.masks.quota");
        }
        int period = form.periodDays() == null ? defaultPeriodDays : form.periodDays();
        if (period < 1 || period > 90) {
            throw new FieldException("periodDays", "validation.masks.period");
        }
        if (form.opensAt() == null || form.closesAt() == null || !form.closesAt().isAfter(form.opensAt())) {
            throw new FieldException("closesAt", "validation.masks.window");
        }
        if (form.pickupFrom() == null || form.pickupTo() == null || form.pickupTo().isBefore(form.pickupFrom())) {
            throw new FieldException("pickupTo", "validation.masks.pickupDays");
        }
        if (form.points() == null || form.points().isEmpty()) {
            throw new FieldException("points", "validation.masks.points");
        }
        long id = jdbc.sql("""
                        insert into mask_round (scope_code, name, mode, quota, period_days, opens_at, closes_at, pickup_from,
                                                pickup_to, draw_salt, created_by)
                        values (:scope, :name, :mode, :quota, :period, :opens, :closes, :from, :to, :salt, :by) returning id
                        """)
                .param("scope", scope.code()).param("name", name)
                .param("mode", (form.mode() == null ? MaskRound.Mode.FIRST_COME : form.mode()).name())
                .param("quota", quota).param("period", period).param("opens", Timestamp.from(form.opensAt()))
                .param("closes", Timestamp.from(form.closesAt())).param("from", form.pickupFrom()).param("to", form.pickupTo())
                .param("salt", HexFormat.of().formatHex(random.generateSeed(8))).param("by", actor.username())
                .query(Long.class).single();
        for (Allocation a : form.points()) {
            if (a.quantity() < 0) {
                throw new FieldException("points", "validation.masks.quantity");
            }
            // only points inside the round's own area
            int added = jdbc.sql("""
                            insert into mask_round_point (round_id, point_id, quantity)
                            select :r, p.id, :q from pickup_point p join jurisdiction j on j.code = p.jurisdiction_code
                            where p.id = :p and j.path <@ cast(:scope as ltree)
                            on conflict (round_id, point_id) do update set quantity = excluded.quantity
                            """)
                    .param("r", id).param("p", a.pointId()).param("q", a.quantity()).param("scope", scope.path()).update();
            if (added == 0) {
                throw new FieldException("points", "validation.masks.pointOutside");
            }
        }
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    public MaskRound find(long id, Actor actor) {
        return jdbc.sql(SELECT + " where r.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath()).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("maskRound"));
    }

    /**
     * A point of a round as the booking page lists it: where, when open, how many reservations are
     * left, and how near it is to the citizen's village: {@link Nearness}.
     */
    public record PointStock(long pointId, String name, String villageName, String address, String hours, int reservationsLeft,
                             Nearness nearness) {
    }

    /** How near a point lies to the village a citizen named: same village, township, county, or further. */
    public enum Nearness { VILLAGE, TOWNSHIP, COUNTY, FURTHER, UNKNOWN }

    /**
     * The round's points for the booking page: nearest to {@code near} (a village code) first when
     * given, those with reservations left before the full ones, then by village; {@code q} narrows to
     * a point, street or village name. The tree's codes nest (12-digit village, 9 township, 6 county),
     * so nearness is a shared prefix.
     */
    @Transactional(readOnly = true)
    public List<PointStock> publishedPoints(long roundId, String q, String near) {
        String village = near == null || !near.strip().matches("\\d{12}") ? null : near.strip();
        return jdbc.sql("""
                        select p.id, p.name, j.name as village, p.address, p.hours, (m.quantity - m.booked) / r.quota as left_,
                               case when cast(:near as text) is null then 4 when j.code = :near then 0
                                    when left(j.code, 9) = left(:near, 9) then 1 when left(j.code, 6) = left(:near, 6) then 2
                                    else 3 end as nearness
                        from mask_round_point m join mask_round r on r.id = m.round_id
                        join pickup_point p on p.id = m.point_id join jurisdiction j on j.code = p.jurisdiction_code
                        where m.round_id = :r
                          and (cast(:q as text) is null or p.name like :q or p.address like :q or j.name like :q)
                        order by nearness, (m.quantity - m.booked) < r.quota, j.code, p.name, p.id
                        limit 200
                        """)
                .param("r", roundId).param("q", Like.contains(q)).param("near", village)
                .query((rs, n) -> new PointStock(rs.getLong("id"), rs.getString("name"), rs.getString("village"),
                        rs.getString("address"), rs.getString("hours"), rs.getInt("left_"), Nearness.values()[rs.getInt("nearness")]))
                .list();
    }

    /**
     * A round as the public sees it (the booking page, every reservation): any round, by id, from a
     * cache of a few seconds (a round's terms do not change once open; a burst of bookings asks for
     * the same one thousands of times).
     */
    public MaskRound published(long id) {
        return published.get(id, k -> jdbc.sql(SELECT + " where r.id = :id").param("id", k).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("maskRound")));
    }
}
