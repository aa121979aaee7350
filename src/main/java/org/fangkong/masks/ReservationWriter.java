package org.fangkong.masks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.fangkong.common.GroupCommit;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-come reservations, group-committed (as check-ins): one writer thread takes up to
 * {@link #MAX_BATCH} waiting reservations into one transaction, so one durable commit serves them
 * all. In it, in arrival order: the ID numbers are locked (the same locks as a single booking takes),
 * an ID with an open reservation, or collected within its round's period, or already in the batch is
 * refused; each point's stock row is locked and a reservation taken only where it still fits. A
 * refusal is an answer, not an error, so it never undoes the others.
 */
@Component
class ReservationWriter implements InitializingBean, DisposableBean {

    static final int MAX_BATCH = 500;
    private static final HexFormat HEX = HexFormat.of();

    /** What one citizen asked, sealed by the request's own thread; answered with the reservation. */
    record Request(MaskRound round, long pointId, String name, IdCardNumber id, PhoneNumber phone, byte[] idHash,
                   byte[] idSealed, byte[] nameSealed, byte[] phoneSealed, Instant at, CompletableFuture<Reservation> result) {

        String key() {
            return HEX.formatHex(idHash);
        }
    }

    private final GroupCommit<Request> commits = new GroupCommit<>("reservation-writer", 50_000, MAX_BATCH, this::writeBatch,
            Request::result);
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PiiSealer sealer;

    ReservationWriter(JdbcClient jdbc, TransactionTemplate tx, PiiSealer sealer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sealer = sealer;
    }

    @Override
    public void afterPropertiesSet() {
        commits.start();
    }

    @Override
    public void destroy() throws InterruptedException {
        commits.stop();
    }

    CompletableFuture<Reservation> submit(MaskRound round, long pointId, String name, IdCardNumber id, PhoneNumber phone,
                                          Instant at) {
        CompletableFuture<Reservation> result = new CompletableFuture<>();
        Request r = new Request(round, pointId, name, id, phone, sealer.hash(id.value()), sealer.encrypt(id.value()),
                sealer.encrypt(name), sealer.encrypt(phone.value()), at, result);
        if (!commits.offer(r)) {
            result.completeExceptionally(new ConflictException("pointId", "validation.masks.busy"));
        }
        return result;
    }

    /** One batch in one transaction; the answers only after its commit. */
    private void writeBatch(List<Request> batch) {
        List<Runnable> answers = new ArrayList<>(batch.size());
        tx.executeWithoutResult(status -> write(batch, answers));
        answers.forEach(Runnable::run);
    }

    private void write(List<Request> batch, List<Runnable> answers) {
        // the ID numbers' locks, in one order
        List<byte[]> hashes = new ArrayList<>(new TreeMap<>(keyed(batch)).values());
        jdbc.sql("""
                        select pg_advisory_xact_lock(hashtextextended('reservation:' || encode(h, 'hex'), 0))
                        from (select h from unnest(cast(:h as bytea[])) as u(h) order by encode(h, 'hex')) s
                        """).param("h", hashes.toArray(new byte[0][])).query((rs, n) -> 1).list();
        Map<String, List<Instant>> collected = new HashMap<>();
        Set<String> open = new HashSet<>();
        // an index probe per ID number (lateral), whatever the planner's statistics say of a table
        // that grows fast while a round opens: with "= any(...)" it chose a scan of the whole table
        jdbc.sql("""
                        select u.h, r.status, r.collected_at
                        from unnest(cast(:h as bytea[])) as u(h)
                        cross join lateral (select v.status, v.collected_at from reservation v
                                            where v.id_hash = u.h and v.status in ('BOOKED', 'COLLECTED')) r
                        """).param("h", hashes.toArray(new byte[0][]))
                .query((rs, n) -> {
                    String key = HEX.formatHex(rs.getBytes(1));
                    if ("BOOKED".equals(rs.getString(2))) {
                        open.add(key);
                    } else if (rs.getTimestamp(3) != null) {
                        collected.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getTimestamp(3).toInstant());
                    }
                    return 1;
                }).list();
        // each point's free stock, its row locked; the points' names for the answers
        Map<Long, String> pointNames = new HashMap<>();
        jdbc.sql("select id, name from pickup_point where id = any(cast(:p as bigint[]))")
                .param("p", batch.stream().map(Request::pointId).distinct().toArray(Long[]::new))
                .query((rs, n) -> pointNames.put(rs.getLong(1), rs.getString(2))).list();
        // one statement, the rows locked in one order
        Map<String, int[]> free = new HashMap<>();
        jdbc.sql("""
                        select m.round_id, m.point_id, m.quantity - m.booked from mask_round_point m
                        join unnest(cast(:r as bigint[]), cast(:p as bigint[])) as k(r, p) on m.round_id = k.r and m.point_id = k.p
                        order by m.round_id, m.point_id for update of m
                        """)
                .param("r", batch.stream().map(r -> r.round().id()).toArray(Long[]::new))
                .param("p", batch.stream().map(Request::pointId).toArray(Long[]::new))
                .query((rs, n) -> free.putIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), new int[] {rs.getInt(3)})).list();
        Map<String, Integer> taken = new HashMap<>();
        List<Request> accepted = new ArrayList<>();
        for (Request r : batch) {
            String key = r.key();
            Instant since = r.at().minus(Duration.ofDays(r.round().periodDays()));
            boolean waits = collected.getOrDefault(key, List.of()).stream().anyMatch(c -> c.isAfter(since));
            if (open.contains(key) || waits) {
                answers.add(() -> r.result().completeExceptionally(new ConflictException("idNumber", "validation.masks.alreadyBooked")));
                continue;
            }
            String stockKey = r.round().id() + ":" + r.pointId();
            int[] left = free.get(stockKey);
            if (left == null) {
                answers.add(() -> r.result().completeExceptionally(new FieldException("pointId", "validation.masks.point")));
                continue;
            }
            if (left[0] < r.round().quota()) {
                answers.add(() -> r.result().completeExceptionally(new ConflictException("pointId", "validation.masks.soldOut")));
                continue;
            }
            left[0] -= r.round().quota();
            open.add(key); // a second request of the same ID in this batch is refused
            taken.merge(stockKey, r.round().quota(), Integer::sum);
            accepted.add(r);
        }
        Map<String, Inserted> inserted = insertAll(accepted);
        for (Request r : accepted) {
            Inserted in = inserted.get(r.key());
            Reservation booked = new Reservation(in.id(), r.round().id(), r.pointId(), pointNames.get(r.pointId()),
                    Masking.name(r.name()), r.id().masked(), r.phone().masked(), r.round().quota(), in.code(), r.round().pickupFrom(),
                    r.round().pickupTo(), Reservation.Status.BOOKED, r.at(), null);
            answers.add(() -> r.result().complete(booked));
        }
        if (!taken.isEmpty()) {
            List<String> keys = List.copyOf(taken.keySet());
            jdbc.sql("""
                            update mask_round_point m set booked = m.booked + k.q
                            from unnest(cast(:r as bigint[]), cast(:p as bigint[]), cast(:q as int[])) as k(r, p, q)
                            where m.round_id = k.r and m.point_id = k.p
                            """)
                    .param("r", keys.stream().map(k -> Long.valueOf(k.substring(0, k.indexOf(':')))).toArray(Long[]::new))
                    .param("p", keys.stream().map(k -> Long.valueOf(k.substring(k.indexOf(':') + 1))).toArray(Long[]::new))
                    .param("q", keys.stream().map(taken::get).toArray(Integer[]::new)).update();
        }
    }

    private record Inserted(long id, String code) {
    }

    /**
     * The accepted reservations in one statement, by ID key. Codes are 6 digits, unique among a
     * point's open reservations of the round: those that clash are drawn again and inserted again.
     */
    private Map<String, Inserted> insertAll(List<Request> accepted) {
        Map<String, Inserted> done = new HashMap<>();
        List<Request> pending = accepted;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 20) {
                throw new IllegalStateException("no free pickup codes for " + pending.size() + " reservations");
            }
            int n = pending.size();
            Long[] round = new Long[n], point = new Long[n];
            Integer[] masks = new Integer[n];
            byte[][] hash = new byte[n][], idSealed = new byte[n][], nameSealed = new byte[n][], phoneSealed = new byte[n][];
            String[] idMasked = new String[n], nameMasked = new String[n], phoneMasked = new String[n], code = new String[n];
            Set<String> drawn = new HashSet<>(); // no two of this statement share a code at one point
            for (int i = 0; i < n; i++) {
                Request r = pending.get(i);
                round[i] = r.round().id();
                point[i] = r.pointId();
                masks[i] = r.round().quota();
                hash[i] = r.idHash();
                idSealed[i] = r.idSealed();
                nameSealed[i] = r.nameSealed();
                phoneSealed[i] = r.phoneSealed();
                idMasked[i] = r.id().masked();
                nameMasked[i] = Masking.name(r.name());
                phoneMasked[i] = r.phone().masked();
                do {
                    code[i] = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
                } while (!drawn.add(round[i] + ":" + point[i] + ":" + code[i]));
            }
            jdbc.sql("""
                            insert into reservation (round_id, point_id, id_hash, id_sealed, id_masked, name_sealed, name_masked,
                                                     phone_sealed, phone_masked, masks, pickup_code)
                            select * from unnest(cast(:r as bigint[]), cast(:p as bigint[]), cast(:h as bytea[]), cast(:is as bytea[]),
                                                 cast(:im as text[]), cast(:ns as bytea[]), cast(:nm as text[]), cast(:ps as bytea[]),
                                                 cast(:pm as text[]), cast(:q as int[]), cast(:code as text[]))
                            on conflict (round_id, point_id, pickup_code) where status = 'BOOKED' do nothing
                            returning id, id_hash, pickup_code
                            """)
                    .param("r", round).param("p", point).param("h", hash).param("is", idSealed).param("im", idMasked)
                    .param("ns", nameSealed).param("nm", nameMasked).param("ps", phoneSealed).param("pm", phoneMasked)
                    .param("q", masks).param("code", code)
                    .query((rs, x) -> done.put(HEX.formatHex(rs.getBytes(2)), new Inserted(rs.getLong(1), rs.getString(3)))).list();
            pending = pending.stream().filter(r -> !done.containsKey(r.key())).toList();
        }
        return done;
    }

    private static Map<String, byte[]> keyed(List<Request> batch) {
        Map<String, byte[]> byKey = new HashMap<>();
        batch.forEach(r -> byKey.putIfAbsent(r.key(), r.idHash()));
        return byKey;
    }
}
