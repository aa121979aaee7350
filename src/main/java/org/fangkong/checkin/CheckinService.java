package org.fangkong.checkin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.pii.Sealed;
import org.fangkong.common.web.FieldException;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.VenueService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public check-in path. Times come from the server's clock only. A visit lasts until the
 * visitor checks out, or until the first of: the venue's default stay, the visitor's next
 * check-in elsewhere, midnight Asia/Shanghai (RULES.md "Venue check-in").
 */
@Service
public class CheckinService {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VenueService venues;
    private final PiiSealer sealer;
    private final CheckinPartitions partitions;
    private final AddressRateLimiter limiter;
    private final VisitIds ids;
    private final CheckinSettings settings;
    private final Clock clock;

    CheckinService(JdbcClient jdbc, TransactionTemplate tx, VenueService venues, PiiSealer sealer,
                   CheckinPartitions partitions, AddressRateLimiter limiter, VisitIds ids, CheckinSettings settings,
                   Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.venues = venues;
        this.sealer = sealer;
        this.partitions = partitions;
        this.limiter = limiter;
        this.ids = ids;
        this.settings = settings;
        this.clock = clock;
    }

    /** The venue behind a public code, open or closed; empty when unknown. */
    public Optional<PublicVenue> venue(String code) {
        return venues.byCode(code);
    }

    /** A citizen's scan: checks the limits, then records the visit. */
    public Visit checkIn(String venueCode, String phoneInput, String address) {
        limiter.take(address).ifPresent(wait -> {
            throw new CheckinRefused(CheckinRefused.Reason.RATE_LIMITED, wait);
        });
        PublicVenue venue = venues.byCode(venueCode)
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
        return record(venue, phone, clock.instant());
    }

    /** Records a visit at {@code now}; package-visible so tests can place visits in time. */
    Visit record(PublicVenue venue, PhoneNumber phone, Instant now) {
        LocalDate day = ShanghaiTime.dayOf(now);
        partitions.ensure(day);
        byte[] hash = sealer.hash(phone.value());
        return tx.execute(status -> {
            // one phone at a time: the cap and the "next check-in ends the last visit" rule stay exact
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(encode(:h, 'hex'), 0))").param("h", hash).query().singleRow();
            long today = jdbc.sql("select count(*) from checkin where day = :day and phone_hash = :h")
                    .param("day", day).param("h", hash).query(Long.class).single();
            if (today >= settings.dailyCapPerPhone()) {
                Instant midnight = day.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toInstant();
                throw new CheckinRefused(CheckinRefused.Reason.DAILY_CAP, Duration.between(now, midnight));
            }
            Optional<Visit> open = jdbc.sql("""
                            select id, checked_in_at, checked_out_at, checkout_reason, phone_masked from checkin
                            where day = :day and phone_hash = :h and venue_id = :v and checked_out_at > :now
                            order by checked_in_at desc limit 1
                            """)
                    .param("day", day).param("h", hash).param("v", venue.id()).param("now", Timestamp.from(now))
                    .query((rs, i) -> new Visit(ids.encode(day, rs.getLong(1)), venue.id(), venue.name(), rs.getString(5),
                            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                            CheckoutReason.valueOf(rs.getString(4))))
                    .optional();
            if (open.isPresent()) {
                return open.get(); // a second scan at the same venue during the visit: same visit
            }
            jdbc.sql("""
                            update checkin set checked_out_at = :now, checkout_reason = 'NEXT'
                            where day = :day and phone_hash = :h and checked_out_at > :now and checked_in_at <= :now
                            """)
                    .param("day", day).param("h", hash).param("now", Timestamp.from(now)).update();
            Instant stayEnd = now.plus(Duration.ofMinutes(venue.defaultStayMinutes()));
            Instant midnight = day.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toInstant();
            boolean stay = stayEnd.isBefore(midnight);
            Instant end = stay ? stayEnd : midnight;
            Sealed sealed = new Sealed(sealer.encrypt(phone.value()), hash);
            long id = jdbc.sql("""
                            insert into checkin (day, venue_id, phone_hash, phone_sealed, phone_masked,
                                                 checked_in_at, checked_out_at, checkout_reason)
                            values (:day, :v, :h, :sealed, :masked, :in, :out, :reason) returning id
                            """)
                    .param("day", day).param("v", venue.id()).param("h", sealed.hash()).param("sealed", sealed.ciphertext())
                    .param("masked", phone.masked()).param("in", Timestamp.from(now)).param("out", Timestamp.from(end))
                    .param("reason", stay ? "STAY" : "MIDNIGHT")
                    .query(Long.class).single();
            return new Visit(ids.encode(day, id), venue.id(), venue.name(), phone.masked(), now, end,
                    stay ? CheckoutReason.STAY : CheckoutReason.MIDNIGHT);
        });
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
        jdbc.sql("""
                        update checkin set checked_out_at = :now, checkout_reason = 'MANUAL'
                        where day = :day and id = :id and checked_out_at > :now and checked_in_at <= :now
                        """)
                .param("day", key.get().day()).param("id", key.get().id()).param("now", Timestamp.from(now)).update();
        return find(publicId);
    }

    public Optional<Visit> find(String publicId) {
        return ids.decode(publicId).flatMap(key -> jdbc.sql("""
                        select venue_id, phone_masked, checked_in_at, checked_out_at, checkout_reason
                        from checkin where day = :day and id = :id
                        """)
                .param("day", key.day()).param("id", key.id())
                .query((rs, i) -> new Visit(publicId, rs.getLong(1),
                        venues.names(java.util.List.of(rs.getLong(1))).getOrDefault(rs.getLong(1), ""), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                        CheckoutReason.valueOf(rs.getString(5))))
                .optional());
    }
}
