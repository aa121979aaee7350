package org.fangkong.checkin;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/rules.md "Venue check-in": how long a visit lasts, the daily cap, sealed phones, retention. */
@FangkongTest
class CheckinRulesTest {

    @Autowired
    Checkins checkins;
    @Autowired
    CheckinPartitions partitions;
    @Autowired
    Venues venues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PiiSealer sealer;

    static Instant shanghai(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** A recent day, inside the retention, at the given Shanghai time. */
    static Instant recent(int daysAgo, String time) {
        LocalDate day = LocalDate.now(ShanghaiTime.ZONE).minusDays(daysAgo);
        return shanghai(day + "T" + time);
    }

    @Test
    void aVisitLastsTheVenuesDefaultStay() {
        PublicVenue pharmacy = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "规则药店", VenueType.PHARMACY));
        Instant in = recent(1, "10:00");
        Visit v = checkins.record(pharmacy, PhoneNumber.parse(CheckinTestSupport.phone()), in);
        assertThat(v.checkedOutAt()).isEqualTo(in.plusSeconds(30 * 60));
        assertThat(v.reason()).isEqualTo(CheckoutReason.STAY);
    }

    @Test
    void midnightEndsEveryVisit() {
        PublicVenue market = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "夜市", VenueType.MARKET));
        Visit v = checkins.record(market, PhoneNumber.parse(CheckinTestSupport.phone()), recent(2, "23:40"));
        assertThat(v.checkedOutAt()).isEqualTo(recent(1, "00:00"));
        assertThat(v.reason()).isEqualTo(CheckoutReason.MIDNIGHT);
    }

    @Test
    void theNextCheckinElsewhereEndsThePreviousVisit() {
        PublicVenue a = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "甲超市", VenueType.SUPERMARKET));
        PublicVenue b = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "乙餐馆", VenueType.RESTAURANT));
        PhoneNumber phone = PhoneNumber.parse(CheckinTestSupport.phone());
        Visit first = checkins.record(a, phone, recent(1, "09:00"));
        Visit again = checkins.record(a, phone, recent(1, "09:10"), first.publicId());
        assertThat(again.publicId()).as("a second scan during the visit, from the device that opened it, is the same visit")
                .isEqualTo(first.publicId());
        checkins.record(b, phone, recent(1, "09:20"));
        Visit ended = checkins.find(first.publicId()).orElseThrow();
        assertThat(ended.checkedOutAt()).isEqualTo(recent(1, "09:20"));
        assertThat(ended.reason()).isEqualTo(CheckoutReason.NEXT);
    }

    @Test
    void checkingOutEndsTheVisitOnceAndForgedIdsFindNothing() {
        PublicVenue a = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "丙超市", VenueType.SUPERMARKET));
        Visit v = checkins.record(a, PhoneNumber.parse(CheckinTestSupport.phone()), recent(1, "15:00"));
        Visit out = checkins.checkOut(v.publicId(), recent(1, "15:12")).orElseThrow();
        assertThat(out.checkedOutAt()).isEqualTo(recent(1, "15:12"));
        assertThat(out.reason()).isEqualTo(CheckoutReason.MANUAL);
        assertThat(checkins.checkOut(v.publicId(), recent(1, "15:40")).orElseThrow().checkedOutAt()).isEqualTo(recent(1, "15:12"));
        String forged = v.publicId().substring(0, v.publicId().indexOf('-', 9) + 1) + "AAAAAAAAAAAA";
        assertThat(checkins.find(forged)).isEmpty();
        String[] parts = v.publicId().split("-", 3);
        assertThat(checkins.find(parts[0] + "-" + (Long.parseLong(parts[1]) + 1) + "-" + parts[2])).isEmpty();
    }

    @Test
    void phonesAreSealedAtRest() {
        PublicVenue a = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "丁超市", VenueType.SUPERMARKET));
        String phone = CheckinTestSupport.phone();
        Visit v = checkins.record(a, PhoneNumber.parse(phone), recent(0, "00:01"));
        var row = jdbc.sql("select phone_hash, phone_sealed, phone_masked from checkin where id = :id")
                .param("id", Long.parseLong(v.publicId().split("-", 3)[1]))
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getBytes(2), rs.getString(3)}).single();
        assertThat((byte[]) row[0]).isEqualTo(sealer.hash(phone));
        assertThat(sealer.open((byte[]) row[1])).isEqualTo(phone);
        assertThat(new String((byte[]) row[1], StandardCharsets.ISO_8859_1)).doesNotContain(phone);
        assertThat((String) row[2]).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void aRepeatScanFromAnotherDeviceNeverHandsOutTheOpenVisit() {
        PublicVenue a = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "辛超市", VenueType.SUPERMARKET));
        PhoneNumber phone = PhoneNumber.parse(CheckinTestSupport.phone());
        Visit owners = checkins.record(a, phone, recent(1, "10:00"), null);
        // someone else types the same number at the same venue: a visit of their own, not the owner's id
        Visit strangers = checkins.record(a, phone, recent(1, "10:05"), null);
        assertThat(strangers.publicId()).isNotEqualTo(owners.publicId());
        Visit forged = checkins.record(a, phone, recent(1, "10:06"), owners.publicId().substring(0, owners.publicId().length() - 1) + "x");
        assertThat(forged.publicId()).isNotIn(owners.publicId(), strangers.publicId());
    }

    @Test
    void scansBeyondFiftyADayAreKeptAndFlaggedNotRefused() {
        PublicVenue a = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "戊超市", VenueType.SUPERMARKET));
        PublicVenue b = CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "己超市", VenueType.SUPERMARKET));
        PhoneNumber phone = PhoneNumber.parse(CheckinTestSupport.phone());
        Instant start = recent(3, "06:00");
        for (int i = 0; i < 50; i++) {
            checkins.record(i % 2 == 0 ? a : b, phone, start.plusSeconds(i * 60L));
        }
        // the 51st (a stranger exhausting the cap, or the owner) is recorded, flagged; the next honest scan works too
        Visit over = checkins.record(a, phone, start.plusSeconds(51 * 60L));
        Visit honest = checkins.record(b, phone, start.plusSeconds(52 * 60L));
        assertThat(honest).isNotNull();
        assertThat(jdbc.sql("select count(*) from checkin where phone_hash = :h and over_cap").param("h", sealer.hash(phone.value()))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from checkin where phone_hash = :h and not over_cap").param("h", sealer.hash(phone.value()))
                .query(Long.class).single()).isEqualTo(50);
        assertThat(over.publicId()).isNotEqualTo(honest.publicId());
    }

    @Test
    void theAddressLimitCountsAnIpv6Slash64AsOneAddress() {
        assertThat(AddressRateLimiter.key("2001:db8:1:2::1")).isEqualTo(AddressRateLimiter.key("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertThat(AddressRateLimiter.key("2001:db8:1:2::1")).isNotEqualTo(AddressRateLimiter.key("2001:db8:1:3::1"));
        assertThat(AddressRateLimiter.key("[2001:db8:1:2::9]")).isEqualTo(AddressRateLimiter.key("2001:db8:1:2::1"));
        assertThat(AddressRateLimiter.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void yesterdaysPartitionIsVacuumedSoTracingReadsTheIndexAlone() {
        LocalDate yesterday = LocalDate.now(ShanghaiTime.ZONE).minusDays(1);
        partitions.ensure(yesterday);
        checkins.record(CheckinTestSupport.publicVenue(venues, CheckinTestSupport.venue(venues, "庚超市", VenueType.SUPERMARKET)),
                PhoneNumber.parse(CheckinTestSupport.phone()), recent(1, "09:00"));
        String name = "checkin_" + yesterday.toString().replace("-", "");
        assertThat(partitions.vacuumYesterday()).contains(name);
        // VACUUM marks the pages all-visible, which is what makes the scans index-only
        assertThat(jdbc.sql("select relallvisible from pg_class where relname = :n").param("n", name)
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void retentionDropsWholeDaysOlderThan28AndKeepsTheRest() {
        LocalDate today = LocalDate.now(ShanghaiTime.ZONE);
        LocalDate old = today.minusDays(30);
        LocalDate edge = today.minusDays(27);
        for (LocalDate d : new LocalDate[] {old, edge}) {
            partitions.ensure(d);
            jdbc.sql("""
                    insert into checkin (day, venue_id, phone_hash, phone_sealed, phone_masked, checked_in_at, checked_out_at, checkout_reason)
                    values (:d, 1, '\\x01', '\\x01', '138****0000', :t, :t, 'STAY')
                    """).param("d", d).param("t", Timestamp.from(d.atTime(12, 0).atZone(ShanghaiTime.ZONE).toInstant())).update();
        }
        var dropped = partitions.dropExpired();
        assertThat(dropped).contains(old).doesNotContain(edge);
        assertThat(jdbc.sql("select to_regclass(:n) is null").param("n", "checkin_" + old.toString().replace("-", ""))
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from checkin where day = :d").param("d", old).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from checkin where day = :d").param("d", edge).query(Long.class).single()).isEqualTo(1);
    }
}
