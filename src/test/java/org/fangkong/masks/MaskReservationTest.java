package org.fangkong.masks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First-come mask reservations against the real database: the stock and the one-per-ID rule hold under load. */
@FangkongTest
class MaskReservationTest {

    static final String VILLAGE = "370102001002";
    static final Actor OFFICER = new Actor(0, "masks-officer", "口罩专员", Role.OFFICER, "370102", "37.3701.370102");
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;
    @Autowired
    Reservations reservations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aThousandConcurrentBookingsForAHundredMasksGiveExactlyAHundred() throws Exception {
        PickupPoint point = point("并发药房");
        MaskRound round = round(1, point, 100);
        List<Callable<Boolean>> bookings = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String id = idNumber();
            bookings.add(() -> tryReserve(new ReservationForm(round.id(), point.id(), "张三", id, phone())));
        }
        long succeeded = runAtOnce(bookings);
        assertThat(succeeded).isEqualTo(100);
        assertThat(jdbc.sql("select booked from mask_round_point where round_id = :r").param("r", round.id())
                .query(Integer.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from reservation where round_id = :r and status = 'BOOKED'")
                .param("r", round.id()).query(Long.class).single()).isEqualTo(100);
        // no two open reservations of the point share a pickup code
        assertThat(jdbc.sql("select count(distinct pickup_code) from reservation where round_id = :r").param("r", round.id())
                .query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void tenConcurrentBookingsWithOneIdNumberGiveOne() throws Exception {
        PickupPoint a = point("同号药房甲");
        PickupPoint b = point("同号药房乙");
        MaskRound round = round(5, a, 1_000, b, 1_000);
        String id = idNumber();
        List<Callable<Boolean>> bookings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long at = i % 2 == 0 ? a.id() : b.id(); // across points too
            bookings.add(() -> tryReserve(new ReservationForm(round.id(), at, "李四", id, phone())));
        }
        assertThat(runAtOnce(bookings)).isEqualTo(1);
        assertThat(jdbc.sql("select sum(booked) from mask_round_point where round_id = :r").param("r", round.id())
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aReservationIsCollectedOnceThenTheIdWaitsItsPeriod() {
        PickupPoint point = point("领取药房");
        MaskRound round = round(5, point, 50);
        String id = idNumber();
        Reservation r = reservations.reserve(new ReservationForm(round.id(), point.id(), "王五", id, phone()));
        assertThat(r.masks()).isEqualTo(5);
        assertThat(r.pickupCode()).matches("\\d{6}");
        assertThat(r.nameMasked()).isEqualTo("王*");
        assertThat(r.idMasked()).doesNotContain(id.substring(6, 14));
        // the answer for a used ID number says only that
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(round.id(), point.id(), "王五", id, phone())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("validation.masks.alreadyBooked");

        Actor staff = new Actor(0, "pharmacist", "药师", Role.PICKUP_POINT, VILLAGE, "37.3701.370102.370102001.370102001002");
        jdbc.sql("""
                insert into pickup_point_staff (username, point_id, assigned_by) values ('pharmacist', :p, 'test')
                on conflict (username) do update set point_id = excluded.point_id
                """).param("p", point.id()).update();
        assertThatThrownBy(() -> reservations.collect(point.id(), "12345", staff)).isInstanceOf(FieldException.class);
        Reservation collected = reservations.collect(point.id(), r.pickupCode(), staff);
        assertThat(collected.status()).isEqualTo(Reservation.Status.COLLECTED);
        assertThatThrownBy(() -> reservations.collect(point.id(), r.pickupCode(), staff)).isInstanceOf(NotFoundException.class);
        // staff of another village do not find it
        Actor elsewhere = new Actor(0, "other", "药师", Role.PICKUP_POINT, "370102002002", "37.3701.370102.370102002.370102002002");
        assertThatThrownBy(() -> reservations.collect(point.id(), r.pickupCode(), elsewhere)).isInstanceOf(NotFoundException.class);
        // collected: the ID waits the period, in this round or another
        MaskRound next = round(5, point, 50);
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(next.id(), point.id(), "王五", id, phone())))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("select booked, collected from mask_round_point where round_id = :r").param("r", round.id())
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2)).single()).isEqualTo("5/5"); // in masks, as the stock
    }

    @Test
    void uncollectedReservationsGiveTheirMasksBack() {
        PickupPoint point = point("过期药房");
        MaskRound round = round(5, point, 10);
        reservations.reserve(new ReservationForm(round.id(), point.id(), "赵六", idNumber(), phone()));
        reservations.reserve(new ReservationForm(round.id(), point.id(), "钱七", idNumber(), phone()));
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(round.id(), point.id(), "孙八", idNumber(), phone())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("validation.masks.soldOut");
        LocalDate afterPickup = round.pickupTo().plusDays(1);
        assertThat(reservations.releaseUncollected(afterPickup)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select booked from mask_round_point where round_id = :r").param("r", round.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void reservationsGoOnceTheRetentionAfterTheirPickupDaysHasPassed(@Autowired UncollectedReservations nightly) {
        PickupPoint point = point("留存药房");
        Instant now = clock.instant();
        MaskRound old = rounds.open(new MaskRounds.RoundForm("370102", "旧批次", MaskRound.Mode.FIRST_COME, 5, 10,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)), today().minusDays(120), today().minusDays(119),
                List.of(new MaskRounds.Allocation(point.id(), 10))), OFFICER);
        MaskRound recent = round(5, point, 10);
        reservations.reserve(new ReservationForm(old.id(), point.id(), "郑一", idNumber(), phone()));
        reservations.reserve(new ReservationForm(recent.id(), point.id(), "郑二", idNumber(), phone()));
        assertThat(nightly.purge(today())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from reservation where round_id = :r").param("r", old.id()).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from reservation where round_id = :r").param("r", recent.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void badInputNamesItsField() {
        PickupPoint point = point("校验药房");
        MaskRound round = round(5, point, 10);
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(round.id(), point.id(), "周九", "370102198001011234", phone())))
                .isInstanceOf(FieldException.class).extracting("field").isEqualTo("idNumber");
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(round.id(), point.id(), "周九", idNumber(), "12345")))
                .isInstanceOf(FieldException.class).extracting("field").isEqualTo("phone");
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(round.id(), point.id(), " ", idNumber(), phone())))
                .isInstanceOf(FieldException.class).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> rounds.open(new MaskRounds.RoundForm("370102001", "乡镇批次", MaskRound.Mode.FIRST_COME, null, null,
                        clock.instant(), clock.instant().plusSeconds(60), today(), today(), List.of(new MaskRounds.Allocation(point.id(), 5))),
                OFFICER)).isInstanceOf(FieldException.class).extracting("field").isEqualTo("scope");
        // nothing was written for a round refused half-way (a point outside its area)
        long before = jdbc.sql("select count(*) from mask_round").query(Long.class).single();
        PickupPoint outside = points.register(new PickupPoints.PointForm("370102002002", "别处药房", PickupPoint.Kind.PHARMACY, "", ""),
                OFFICER);
        assertThatThrownBy(() -> rounds.open(new MaskRounds.RoundForm("370102", "跨区批次", MaskRound.Mode.FIRST_COME, null, null,
                clock.instant(), clock.instant().plusSeconds(60), today(), today(),
                List.of(new MaskRounds.Allocation(point.id(), 5), new MaskRounds.Allocation(outside.id() + 1_000_000, 5))), OFFICER))
                .isInstanceOf(FieldException.class).extracting("field").isEqualTo("points");
        assertThat(jdbc.sql("select count(*) from mask_round").query(Long.class).single()).isEqualTo(before);
    }

    private PickupPoint point(String name) {
        return points.register(new PickupPoints.PointForm(VILLAGE, name, PickupPoint.Kind.PHARMACY, "历下区一号", "8:00-20:00"), OFFICER);
    }

    private MaskRound round(int quota, Object... pointsAndQuantities) {
        List<MaskRounds.Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < pointsAndQuantities.length; i += 2) {
            allocations.add(new MaskRounds.Allocation(((PickupPoint) pointsAndQuantities[i]).id(), (Integer) pointsAndQuantities[i + 1]));
        }
        Instant now = clock.instant();
        return rounds.open(new MaskRounds.RoundForm("370102", "测试批次", MaskRound.Mode.FIRST_COME, quota, 10,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)), today(), today().plusDays(1), allocations), OFFICER);
    }

    private LocalDate today() {
        return ShanghaiTime.today(clock);
    }

    private boolean tryReserve(ReservationForm form) {
        try {
            reservations.reserve(form);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    /** Every call starts at the same moment on 32 threads; answers how many returned true. */
    private static long runAtOnce(List<Callable<Boolean>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> c : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            long ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get() ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    static String idNumber() {
        int n = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n * 7L % 20_000);
        String first17 = "370102" + birth.toString().replace("-", "") + "%03d".formatted(n % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    private static String phone() {
        return "139" + "%08d".formatted(SEQ.incrementAndGet() % 100_000_000);
    }
}
