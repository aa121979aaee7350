package org.fangkong.checkin;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.fangkong.common.GroupCommit;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.venue.PublicVenue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for check-ins. Requests queue up; one writer thread takes up to {@value #MAX_BATCH}
 * at a time and applies the rules for the whole batch in one transaction (read the phones' state
 * for the day, decide each request in arrival order, write the new visits and the visits they
 * end), then acknowledges every request of the batch after the single commit. With fsync on, one
 * commit per batch instead of one per scan is what lets a burst of scans through; nothing is
 * acknowledged before it is durable. One writer per platform instance: per-phone rules are exact
 * on a single node (docs/design.md §5 keeps more nodes for later, partitioned by venue).
 */
@Component
class CheckinWriter implements InitializingBean, DisposableBean {

    static final int MAX_BATCH = 500;

    /**
     * One scan to apply. The phone is hashed and sealed by the request's own thread, so the writer thread only
     * talks to the database. {@code deviceVisit}: the visit id the scanning device holds from opening a visit (its
     * cookie), or null. {@code fixedId} is non-zero for a scan from the Kafka front door: its visit id, end and
     * reason were decided and answered there, so it is inserted as it is (once: a redelivery finds it stored).
     */
    record Request(PublicVenue venue, String masked, byte[] hash, byte[] sealed, Instant at, String deviceVisit,
                   long fixedId, Instant fixedOut, CheckoutReason fixedReason, CompletableFuture<Visit> result) {

        static Request fixed(long venueId, String masked, byte[] hash, byte[] sealed, Instant at, long id, Instant out,
                             CheckoutReason reason) {
            return new Request(new PublicVenue(venueId, "", "", 0, true, ""), masked, hash, sealed, at, null, id, out, reason,
                    new CompletableFuture<>());
        }
    }

    /** What the day's table says, and this batch adds, of one phone. */
    private static final class PhoneState {
        long count;
        long openId;
        long openVenue;
        Instant openIn;
        Instant openOut;
        String openReason;
        String masked;
        /** The phone's visit this batch inserts, while a later scan of the batch may still end it. */
        NewVisit pending;
    }

    /** A visit this batch inserts; a later scan of the same phone in the batch ends it ({@code NEXT}). */
    private static final class NewVisit {
        final long id;
        final Request request;
        final boolean overCap;
        Instant out;
        CheckoutReason reason;

        NewVisit(long id, Request request, Instant out, CheckoutReason reason, boolean overCap) {
            this.id = id;
            this.request = request;
            this.out = out;
            this.reason = reason;
            this.overCap = overCap;
        }

        Object[] insertValues(LocalDate day) {
            return new Object[] {Date.valueOf(day), request.venue().id(), request.hash(), request.sealed(), request.masked(),
                    Timestamp.from(request.at()), Timestamp.from(out), reason.name(), id, overCap};
        }
    }

    /** An open visit stored earlier, ended by this batch's scan of the same phone at {@code at}. */
    private record Ending(Instant at, long id) {
    }

    private final GroupCommit<Request> commits = new GroupCommit<>("checkin-writer", 100_000, MAX_BATCH, this::write,
            Request::result);
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final PiiSealer sealer;
    private final CheckinPartitions partitions;
    private final VisitIds ids;
    private final CheckinSettings settings;

    CheckinWriter(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, PiiSealer sealer,
                  CheckinPartitions partitions, VisitIds ids, CheckinSettings settings) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.sealer = sealer;
        this.partitions = partitions;
        this.ids = ids;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        commits.start();
    }

    @Override
    public void destroy() throws InterruptedException {
        commits.stop();
    }

    CompletableFuture<Visit> submit(PublicVenue venue, PhoneNumber phone, Instant at, String deviceVisit) {
        CompletableFuture<Visit> result = new CompletableFuture<>();
        if (!commits.offer(new Request(venue, phone.masked(), sealer.hash(phone.value()), sealer.encrypt(phone.value()), at,
                deviceVisit, 0, null, null, result))) {
            result.completeExceptionally(new CheckinRefused(CheckinRefused.Reason.RATE_LIMITED, Duration.ofSeconds(1)));
        }
        return result;
    }

    /** The number of scans waiting for the writer thread (a gauge of the metrics). */
    int queued() {
        return commits.size();
    }

    /**
     * Applies scans the Kafka front door fixed (ids, ends) in one transaction on the calling thread: the
     * consumer of their partition, which owns the phones' state. Scans already stored (a redelivery after a
     * crash between the commit and the offset commit) are skipped.
     */
    void applyFixed(List<Request> scans) {
        write(scans);
    }

    private void write(List<Request> requests) {
        Map<LocalDate, List<Request>> byDay = new LinkedHashMap<>();
        for (Request r : requests) {
            byDay.computeIfAbsent(ShanghaiTime.dayOf(r.at()), d -> new ArrayList<>()).add(r);
        }
        byDay.keySet().forEach(partitions::ensure);
        List<Runnable> acknowledgements = new ArrayList<>(requests.size());
        tx.executeWithoutResult(status -> byDay.forEach((day, list) -> writeDay(day, list, acknowledgements)));
        acknowledgements.forEach(Runnable::run); // only after the commit
    }

    private void writeDay(LocalDate day, List<Request> requests, List<Runnable> acknowledgements) {
        // the day's own partition (made before the transaction): no routing, no pruning, plans that stay simple
        String table = CheckinPartitions.nameOf(day);
        HexFormat hex = HexFormat.of();
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        for (Request r : requests) {
            hashes.putIfAbsent(hex.formatHex(r.hash()), r.hash());
        }
        Map<String, PhoneState> states = loadStates(day, hashes);
        Set<Long> stored = storedAlready(table, requests);
        long unassigned = requests.stream().filter(r -> r.fixedId() == 0).count();
        List<Long> newIds = unassigned == 0 ? List.of() : jdbc.sql("select nextval('checkin_id_seq') from generate_series(1, :n)")
                .param("n", unassigned).query(Long.class).list();
        Instant midnight = ShanghaiTime.startOf(day.plusDays(1));
        List<NewVisit> inserts = new ArrayList<>();
        List<Ending> endings = new ArrayList<>();
        int next = 0;
        for (Request r : requests) {
            if (stored.contains(r.fixedId())) {
                continue; // redelivered: the state loaded above already holds it
            }
            String key = hex.formatHex(r.hash());
            PhoneState s = states.computeIfAbsent(key, k -> new PhoneState());
            // beyond the day's cap the scan is kept but flagged: a stranger typing someone's number
            // fifty times must not lock the owner out of their next honest scan
            boolean overCap = s.count >= settings.dailyCapPerPhone();
            boolean open = s.openOut != null && s.openOut.isAfter(r.at()) && !s.openIn.isAfter(r.at());
            // a second scan during the visit is the same visit only for the device that opened it:
            // anyone else with the number learns nothing of where its owner is
            if (open && r.fixedId() == 0 && s.openVenue == r.venue().id() && ids.encode(day, s.openId).equals(r.deviceVisit())) {
                Visit same = new Visit(ids.encode(day, s.openId), r.venue().id(), r.venue().name(), s.masked, s.openIn,
                        s.openOut, CheckoutReason.valueOf(s.openReason));
                acknowledgements.add(() -> r.result().complete(same)); // a second scan during the visit
                continue;
            }
            if (open) {
                if (s.pending != null) {
                    s.pending.out = r.at();
                    s.pending.reason = CheckoutReason.NEXT;
                } else {
                    endings.add(new Ending(r.at(), s.openId));
                }
            }
            Instant end = r.fixedId() != 0 ? r.fixedOut() : expectedEnd(r.at(), r.venue().defaultStayMinutes());
            CheckoutReason reason = r.fixedId() != 0 ? r.fixedReason()
                    : end.equals(midnight) ? CheckoutReason.MIDNIGHT : CheckoutReason.STAY;
            long id = r.fixedId() != 0 ? r.fixedId() : newIds.get(next++);
            NewVisit inserted = new NewVisit(id, r, end, reason, overCap);
            inserts.add(inserted);
            s.count++;
            s.openId = id;
            s.openVenue = r.venue().id();
            s.openIn = r.at();
            s.openOut = end;
            s.openReason = inserted.reason.name();
            s.masked = r.masked();
            s.pending = inserted;
            Visit visit = new Visit(ids.encode(day, id), r.venue().id(), r.venue().name(), r.masked(), r.at(), end, reason);
            acknowledgements.add(() -> r.result().complete(visit));
        }
        store(table, day, endings, inserts);
    }

    /**
     * Where a visit that starts at {@code at} ends unless something ends it sooner: after the venue's default
     * stay, or at midnight Asia/Shanghai if that comes first.
     */
    static Instant expectedEnd(Instant at, int defaultStayMinutes) {
        Instant midnight = ShanghaiTime.startOf(ShanghaiTime.dayOf(at).plusDays(1));
        Instant stayEnd = at.plus(Duration.ofMinutes(defaultStayMinutes));
        return stayEnd.isBefore(midnight) ? stayEnd : midnight;
    }

    /** Which of the batch's fixed ids the day's table holds already: one index probe each. */
    private Set<Long> storedAlready(String table, List<Request> requests) {
        Long[] fixed = requests.stream().map(Request::fixedId).filter(id -> id != 0).toArray(Long[]::new);
        if (fixed.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from %s where id = any(cast(:ids as bigint[]))".formatted(table))
                .param("ids", fixed).query(Long.class).list());
    }

    /** Ends the visits this batch closed and inserts its new ones: two batched statements. */
    private void store(String table, LocalDate day, List<Ending> endings, List<NewVisit> inserts) {
        if (!endings.isEmpty()) {
            batch.batchUpdate("""
                    update %s set checked_out_at = ?, checkout_reason = 'NEXT'
                    where day = ? and id = ? and checked_out_at > ?
                    """.formatted(table), endings.stream()
                    .map(e -> new Object[] {Timestamp.from(e.at()), day, e.id(), Timestamp.from(e.at())}).toList());
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    insert into %s (day, venue_id, phone_hash, phone_sealed, phone_masked, checked_in_at,
                                         checked_out_at, checkout_reason, id, over_cap)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """.formatted(table), inserts.stream().map(v -> v.insertValues(day)).toList());
        }
    }

    /** Today's count and latest visit of each phone in the batch: two queries for the whole batch. */
    private Map<String, PhoneState> loadStates(LocalDate day, Map<String, byte[]> hashes) {
        Map<String, PhoneState> states = new HashMap<>();
        HexFormat hex = HexFormat.of();
        List<byte[]> keys = List.copyOf(hashes.values());
        // Two index probes per phone. Written as a lateral join on purpose: the statement is prepared
        // once per connection, and a cached generic plan for "phone_hash = any(array)" may scan the day.
        jdbc.sql("""
                        select h.hash, n.count, l.id, l.venue_id, l.checked_in_at, l.checked_out_at, l.checkout_reason,
                               l.phone_masked
                        from unnest(cast(:hashes as bytea[])) as h(hash)
                        cross join lateral (select count(*) from %1$s c where c.phone_hash = h.hash) n
                        join lateral (select c.id, c.venue_id, c.checked_in_at, c.checked_out_at, c.checkout_reason,
                                             c.phone_masked
                                      from %1$s c where c.phone_hash = h.hash
                                      order by c.checked_in_at desc, c.id desc limit 1) l on true
                        """.formatted(CheckinPartitions.nameOf(day)))
                .param("hashes", keys.toArray(new byte[0][]))
                .query(rs -> {
                    PhoneState s = new PhoneState();
                    s.count = rs.getLong(2);
                    s.openId = rs.getLong(3);
                    s.openVenue = rs.getLong(4);
                    s.openIn = rs.getTimestamp(5).toInstant();
                    s.openOut = rs.getTimestamp(6).toInstant();
                    s.openReason = rs.getString(7);
                    s.masked = rs.getString(8);
                    states.put(hex.formatHex(rs.getBytes(1)), s);
                });
        return states;
    }
}
