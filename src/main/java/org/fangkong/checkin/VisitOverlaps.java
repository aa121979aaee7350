package org.fangkong.checkin;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The raw material of exposure tracing: an index person's visits in a window and every visit by
 * someone else at the same venue that overlaps them (docs/rules.md "Exposure tracing"), in one query.
 * Scope is applied in SQL through the venue's jurisdiction (a read-only join on the venue and
 * jurisdiction tables, so the whole screen stays one query).
 */
@Service
public class VisitOverlaps {

    /** One of the index person's visits. */
    public record IndexVisit(long id, LocalDate day, long venueId, Instant checkedInAt, Instant checkedOutAt) {
    }

    /**
     * A visit by someone else overlapping an index visit (after widening it by the buffer).
     *
     * @param overlapSeconds overlap of the two real intervals, 0 when only the buffer joins them
     * @param phoneKey       the other person's keyed phone hash: the same person has the same key
     */
    public record Overlap(IndexVisit index, long visitId, Instant checkedInAt, Instant checkedOutAt, String phoneMasked,
                          byte[] phoneKey, byte[] phoneSealed, long overlapSeconds) {
    }

    public record Result(List<IndexVisit> indexVisits, List<Overlap> overlaps) {
    }

    private final JdbcClient jdbc;

    VisitOverlaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The overlaps without the phones' ciphertexts: what a masked search needs. */
    @Transactional(readOnly = true)
    public Result find(byte[] phoneHash, Instant from, Instant to, Duration buffer, String scopePath) {
        return find(phoneHash, from, to, buffer, scopePath, false);
    }

    /** With {@code sealed}, each overlap carries the other phone's ciphertext, for a reveal. */
    @Transactional(readOnly = true)
    public Result find(byte[] phoneHash, Instant from, Instant to, Duration buffer, String scopePath, boolean sealed) {
        Map<Long, IndexVisit> visits = new LinkedHashMap<>();
        List<Overlap> overlaps = new ArrayList<>();
        // One index person is a handful of short lookups: a parallel plan only adds worker start-up
        // (about 40 ms here), and a generic plan saves re-planning across the day partitions.
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        // Visits never cross midnight, so another visit's day lies between the widened index visit's
        // first and last day, and it began at most a day before. The bounds are computed once per
        // index visit so that the lateral lookup is a plain index-only range scan of
        // (venue_id, checked_in_at) in the days' partitions (V6 covers the columns read here).
        jdbc.sql("""
                        with idx as materialized (
                            select c.id, c.day, c.venue_id, c.checked_in_at as cin, c.checked_out_at as cout,
                                   c.checked_in_at - :buffer * interval '1 second' as lo,
                                   c.checked_out_at + :buffer * interval '1 second' as hi,
                                   cast((c.checked_in_at - :buffer * interval '1 second') at time zone 'Asia/Shanghai' as date) as dlo,
                                   cast((c.checked_out_at + :buffer * interval '1 second') at time zone 'Asia/Shanghai' as date) as dhi
                            from checkin c
                            join venue v on v.id = c.venue_id
                            join jurisdiction j on j.code = v.jurisdiction_code
                            where c.phone_hash = :h and c.day between :d1 and :d2
                              and c.checked_in_at < :to and c.checked_out_at > :from
                              and j.path <@ cast(:scope as ltree)
                        )
                        select idx.id, idx.day, idx.venue_id, idx.cin, idx.cout,
                               o.id as other_id, o.checked_in_at, o.checked_out_at, o.phone_masked, o.phone_hash,
                               o.phone_sealed,
                               greatest(0, extract(epoch from least(o.checked_out_at, idx.cout)
                                                          - greatest(o.checked_in_at, idx.cin)))::bigint as overlap
                        from idx
                        left join lateral (
                            select o.id, o.checked_in_at, o.checked_out_at, o.phone_masked, o.phone_hash,
                                   case when :sealed then (select s.phone_sealed from checkin s
                                                           where s.day = o.day and s.id = o.id) end as phone_sealed
                            from checkin o
                            where o.venue_id = idx.venue_id
                              and o.day between idx.dlo and idx.dhi
                              and o.checked_in_at < idx.hi
                              and o.checked_in_at > idx.lo - interval '1 day'
                              and o.checked_out_at > idx.lo
                              and o.phone_hash <> :h
                        ) o on true
                        order by idx.cin, idx.id, o.checked_in_at, o.id
                        """)
                .param("h", phoneHash).param("d1", ShanghaiTime.dayOf(from)).param("d2", ShanghaiTime.dayOf(to))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("scope", scopePath)
                .param("buffer", buffer.toSeconds()).param("sealed", sealed)
                .query(rs -> {
                    IndexVisit index = visits.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new IndexVisit(id, rs.getObject(2, LocalDate.class), rs.getLong(3),
                                    rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    long other = rs.getLong(6);
                    if (!rs.wasNull()) {
                        overlaps.add(new Overlap(index, other, rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                                rs.getString(9), rs.getBytes(10), rs.getBytes(11), rs.getLong(12)));
                    }
                });
        return new Result(List.copyOf(visits.values()), overlaps);
    }
}
