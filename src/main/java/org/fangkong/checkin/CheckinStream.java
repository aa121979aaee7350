package org.fangkong.checkin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.venue.PublicVenue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Kafka front door of check-ins (FANGKONG_KAFKA_BOOTSTRAP set): the scan gets its visit id here, is
 * published to the check-in topic keyed by the phone's keyed hash (acks=all, idempotent producer), and is
 * answered once the broker has it. The consumer of the phone's partition writes it ({@link CheckinStreamConsumer}):
 * one owner per phone across all instances, so the daily cap and "the next check-in ends the last visit" stay
 * exact. The answer is the visit as stored, unless a later scan ends it sooner, as with the direct writer.
 */
class CheckinStream {

    private static final Logger log = LoggerFactory.getLogger(CheckinStream.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final VisitIdBlocks blocks;
    private final VisitIds ids;
    private final PiiSealer sealer;
    private final JdbcClient jdbc;
    private final Cache<String, Visit> recent = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    CheckinStream(KafkaTemplate<String, byte[]> kafka, String topic, VisitIdBlocks blocks, VisitIds ids, PiiSealer sealer,
                  JdbcClient jdbc) {
        this.kafka = kafka;
        this.topic = topic;
        this.blocks = blocks;
        this.ids = ids;
        this.sealer = sealer;
        this.jdbc = jdbc;
    }

    Visit publish(PublicVenue venue, PhoneNumber phone, Instant now, String deviceVisit) {
        Instant at = ScanMessage.truncate(now);
        byte[] hash = sealer.hash(phone.value());
        Optional<Visit> same = sameVisit(venue, phone, hash, at, deviceVisit);
        if (same.isPresent()) {
            return same.get();
        }
        LocalDate day = ShanghaiTime.dayOf(at);
        Instant out = CheckinWriter.expectedEnd(at, venue.defaultStayMinutes());
        CheckoutReason reason = out.equals(ShanghaiTime.startOf(day.plusDays(1))) ? CheckoutReason.MIDNIGHT : CheckoutReason.STAY;
        long id = blocks.next();
        ScanMessage message = new ScanMessage(id, venue.id(), at, out, reason, phone.masked(), hash, sealer.encrypt(phone.value()));
        try {
            kafka.send(topic, HexFormat.of().formatHex(hash), message.encode()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // not acknowledged: the citizen is asked to scan again (a retry the broker did take is a second visit
            // of the same minute, which tracing reads as one)
            log.warn("check-in not acknowledged by Kafka: {}", e.toString());
            throw new CheckinRefused(CheckinRefused.Reason.UNAVAILABLE, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Visit visit = new Visit(ids.encode(day, id), venue.id(), venue.name(), phone.masked(), at, out, reason);
        recent.put(visit.publicId(), visit);
        return visit;
    }

    /** A visit this instance answered in the last minutes, as answered (its page, while the consumer lags). */
    Optional<Visit> recent(String publicId) {
        return Optional.ofNullable(recent.getIfPresent(publicId));
    }

    /**
     * A second scan at the venue by the device that opened a visit still going on is that visit (as with the
     * direct writer). The device's visit is read by its id and checked against the phone; one still on its way
     * through Kafka is taken as this instance answered it (the id comes from the device's own sealed cookie).
     */
    private Optional<Visit> sameVisit(PublicVenue venue, PhoneNumber phone, byte[] hash, Instant at, String deviceVisit) {
        if (deviceVisit == null) {
            return Optional.empty();
        }
        Optional<Visit> answered = recent(deviceVisit).filter(v -> v.venueId() == venue.id()
                && v.phoneMasked().equals(phone.masked()) && !v.checkedInAt().isAfter(at) && v.openAt(at));
        if (answered.isPresent()) {
            return answered;
        }
        return ids.decode(deviceVisit).flatMap(key -> jdbc.sql("""
                        select phone_masked, checked_in_at, checked_out_at, checkout_reason from checkin
                        where day = :day and id = :id and venue_id = :venue and phone_hash = :hash
                          and checked_in_at <= :at and checked_out_at > :at
                        """)
                .param("day", key.day()).param("id", key.id()).param("venue", venue.id()).param("hash", hash)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new Visit(deviceVisit, venue.id(), venue.name(), rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), CheckoutReason.valueOf(rs.getString(4))))
                .optional());
    }
}
