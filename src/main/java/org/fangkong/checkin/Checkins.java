package org.fangkong.checkin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.web.FieldException;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.VenueChanged;
import org.fangkong.venue.Venues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * The public check-in path. Times come from the server's clock only. A visit lasts until the
 * visitor checks out, or until the first of: the venue's default stay, the visitor's next
 * check-in elsewhere, midnight Asia/Shanghai (docs/rules.md "Venue check-in").
 */
@Service
public class Checkins {

    private static final long AWAIT_MILLIS = 3000;

    private final JdbcClient jdbc;
    private final Venues venues;
    private final CheckinWriter writer;
    private final AddressRateLimiter limiter;
    private final VisitIds ids;
    private final Clock clock;
    /** Present with Kafka switched on: scans go through the topic instead of this instance's writer. */
    private final Optional<CheckinStream> stream;
    private final Counter ingested;
    /** Venue codes seen recently: a burst of scans at one door costs one lookup. A closed venue is forgotten at once (VenueChanged). */
    private final Cache<String, Optional<PublicVenue>> venueCache =
            Caffeine.newBuilder().maximumSize(200_000)
                    .expireAfterWrite(Duration.ofSeconds(10)).build();

    Checkins(JdbcClient jdbc, Venues venues, CheckinWriter writer, AddressRateLimiter limiter,
                   VisitIds ids, Clock clock, Optional<CheckinStream> stream, MeterRegistry meters) {
        this.stream = stream;
        this.ingested = Counter.builder("fangkong.checkins.accepted").description("scans answered as recorded")
                .tag("path", stream.isPresent() ? "kafka" : "direct").register(meters);
        Gauge.builder("fangkong.checkins.queue", writer, CheckinWriter::queued)
                .description("scans waiting for this instance's writer").register(meters);
        this.jdbc = jdbc;
        this.venues = venues;
        this.writer = writer;
        this.limiter = limiter;
        this.ids = ids;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(VenueChanged changed) {
        venueCache.invalidate(changed.code());
    }

    /** The venue behind a public code, open or closed; empty when unknown. */
    public Optional<PublicVenue> venue(String code) {
        return venues.byCode(code);
    }

    /** A citizen's scan: checks the limits, then records the visit. */
    public Visit checkIn(String venueCode, String phoneInput, String address) {
        return checkIn(venueCode, phoneInput, address, null);
    }

    /**
     * A citizen's scan from a device that may hold the visit it opened here ({@code deviceVisit}):
     * only then is a second scan during that visit the same visit.
     */
    public Visit checkIn(String venueCode, String phoneInput, String address, String deviceVisit) {
        limiter.take(address).ifPresent(wait -> {
            throw new CheckinRefused(CheckinRefused.Reason.RATE_LIMITED, wait);
        });
        PublicVenue venue = venueCache.get(venueCode, venues::byCode)
                .orElseThrow(() -> new CheckinRefused(CheckinRefused.Reason.VENUE_UNKNOWN, null));
        if (!venue.open()) {
            throw new CheckinRefused(CheckinRefused.Reason.VENUE_CLOSED, null);
        }
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(phoneInput);
        } catch (InvalidValueException e) {
            throw new FieldException("phone", e.messageKey());
        }
        return record(venue, phone, clock.instant(), deviceVisit);
    }

    /**
     * Records a visit at {@code now} through the group-committing writer and waits for the commit;
     * package-visible so tests can place visits in time.
     */
    Visit record(PublicVenue venue, PhoneNumber phone, Instant now) {
        return record(venue, phone, now, null);
    }

    Visit record(PublicVenue venue, PhoneNumber phone, Instant now, String deviceVisit) {
        Visit visit = stream.isPresent() ? stream.get().publish(venue, phone, now, deviceVisit)
                : writeDirectly(venue, phone, now, deviceVisit);
        ingested.increment();
        return visit;
    }

    private Visit writeDirectly(PublicVenue venue, PhoneNumber phone, Instant now, String deviceVisit) {
        try {
            return writer.submit(venue, phone, now, deviceVisit).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new CheckinRefused(CheckinRefused.Reason.RATE_LIMITED, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends a visit now, if it is still going on; an ended visit is returned as it is. */
    public Optional<Visit> checkOut(String publicId) {
        return checkOut(publicId, clock.instant());
    }

    Optional<Visit> checkOut(String publicId, Instant now) {
        Optional<VisitIds.Key> key = ids.decode(publicId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        awaitStored(key.get());
        jdbc.sql("""
                        update checkin set checked_out_at = :now, checkout_reason = 'MANUAL'
                        where day = :day and id = :id and checked_out_at > :now and checked_in_at <= :now
                        """)
                .param("day", key.get().day()).param("id", key.get().id()).param("now", Timestamp.from(now)).update();
        return find(publicId);
    }

    public Optional<Visit> find(String publicId) {
        Optional<Visit> answered = stream.flatMap(s -> s.recent(publicId));
        if (answered.isEmpty()) {
            ids.decode(publicId).ifPresent(this::awaitStored);
        }
        Optional<Visit> row = ids.decode(publicId).flatMap(key -> jdbc.sql("""
                        select venue_id, phone_masked, checked_in_at, checked_out_at, checkout_reason
                        from checkin where day = :day and id = :id
                        """)
                .param("day", key.day()).param("id", key.id())
                .query((rs, i) -> new Visit(publicId, rs.getLong(1), "", rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), CheckoutReason.valueOf(rs.getString(5))))
                .optional());
        if (row.isEmpty()) {
            return answered; // answered by this instance, still on its way to the table
        }
        return row.map(v -> new Visit(v.publicId(), v.venueId(),
                venues.names(List.of(v.venueId())).getOrDefault(v.venueId(), ""), v.phoneMasked(),
                v.checkedInAt(), v.checkedOutAt(), v.reason()));
    }

    /**
     * With Kafka on, a visit id the front door gave out (the signature says so) may reach the table a moment
     * after its answer: its page and its check-out wait up to {@value #AWAIT_MILLIS} ms for the partition's
     * consumer. The direct writer answers after the commit, so nothing waits there.
     */
    private void awaitStored(VisitIds.Key key) {
        if (stream.isEmpty() || key.day().isBefore(ShanghaiTime.today(clock).minusDays(1))) {
            return;
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        while (!jdbc.sql("select exists (select 1 from checkin where day = :day and id = :id)")
                .param("day", key.day()).param("id", key.id()).query(Boolean.class).single()) {
            if (System.nanoTime() > until) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
