package org.fangkong.masks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.web.ConflictException;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lottery round is drawn once, as anyone can recompute it from the published list, and tells each entrant. */
@FangkongTest
class LotteryTest {

    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;
    @Autowired
    Reservations reservations;
    @Autowired
    Lottery lottery;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theDrawIsTheOnePublishedValuesGiveAndEveryEntrantIsTold() throws Exception {
        PickupPoint a = points.register(new PickupPoints.PointForm(MaskReservationTest.VILLAGE, "摇号药房甲", PickupPoint.Kind.PHARMACY, "", ""),
                MaskReservationTest.OFFICER);
        PickupPoint b = points.register(new PickupPoints.PointForm(MaskReservationTest.VILLAGE, "摇号药房乙", PickupPoint.Kind.PHARMACY, "", ""),
                MaskReservationTest.OFFICER);
        Instant now = clock.instant();
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "摇号批次", MaskRound.Mode.LOTTERY, 5, 10,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)), ShanghaiTime.today(clock),
                ShanghaiTime.today(clock).plusDays(1), List.of(new MaskRounds.Allocation(a.id(), 25), new MaskRounds.Allocation(b.id(), 15))),
                MaskReservationTest.OFFICER);
        assertThatThrownBy(() -> reservations.reserve(new ReservationForm(round.id(), a.id(), "直约", MaskReservationTest.idNumber(),
                "13900000001"))).hasMessageContaining("validation.masks.lotteryRound");

        Map<Integer, String> tokens = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = MaskReservationTest.idNumber();
            ids.add(id);
            Lottery.Entered e = lottery.enter(new ReservationForm(round.id(), i % 2 == 0 ? a.id() : b.id(), "摇号人", id, "139000000" + (10 + i)));
            assertThat(e.number()).isEqualTo(i + 1);
            tokens.put(e.number(), e.token());
        }
        // one entry per ID number per round, and nothing said beyond that
        assertThatThrownBy(() -> lottery.enter(new ReservationForm(round.id(), a.id(), "摇号人", ids.get(0), "13900000099")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("validation.masks.alreadyBooked");
        // entrant 3 (point A) reserves in a first-come round meanwhile: skipped at the draw
        MaskRound other = rounds.open(new MaskRounds.RoundForm("370102", "先到批次", MaskRound.Mode.FIRST_COME, 5, 10,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)), ShanghaiTime.today(clock),
                ShanghaiTime.today(clock).plusDays(1), List.of(new MaskRounds.Allocation(a.id(), 50))), MaskReservationTest.OFFICER);
        reservations.reserve(new ReservationForm(other.id(), a.id(), "摇号人", ids.get(2), "13900000012"));

        assertThat(lottery.draw(round.id())).isFalse(); // not before the window ends
        jdbc.sql("update mask_round set closes_at = now() - interval '1 second' where id = :r").param("r", round.id()).update();
        assertThat(lottery.due()).contains(round.id());
        assertThat(lottery.draw(round.id())).isTrue();
        assertThat(lottery.draw(round.id())).isFalse(); // once

        // recomputed from the published list alone: seed from the round's id and salt, the lowest values per point win
        List<Lottery.PublishedEntry> list = lottery.published(round.id());
        assertThat(list).hasSize(20).allSatisfy(p -> assertThat(p.idMasked()).contains("*"));
        String seed = sha256(round.id() + ":" + round.drawSalt());
        Map<String, List<Lottery.PublishedEntry>> byPoint = list.stream().collect(Collectors.groupingBy(Lottery.PublishedEntry::pointName));
        Set<Integer> expectedWinners = new HashSet<>();
        Map<String, Integer> capacity = Map.of("摇号药房甲", 5, "摇号药房乙", 3);
        for (var point : byPoint.entrySet()) {
            List<Lottery.PublishedEntry> sorted = new ArrayList<>(point.getValue());
            sorted.forEach(p -> assertThat(p.value()).isEqualTo(sha256(seed + ":" + p.number())));
            sorted.sort(Comparator.comparing(Lottery.PublishedEntry::value));
            int left = capacity.get(point.getKey());
            for (Lottery.PublishedEntry p : sorted) {
                if (p.number() == 3) {
                    continue; // reserved elsewhere: skipped
                }
                if (left-- > 0) {
                    expectedWinners.add(p.number());
                }
            }
        }
        Set<Integer> winners = list.stream().filter(p -> "WON".equals(p.result())).map(Lottery.PublishedEntry::number)
                .collect(Collectors.toSet());
        assertThat(winners).isEqualTo(expectedWinners).hasSize(8);
        assertThat(list.stream().filter(p -> p.number() == 3).findFirst().orElseThrow().result()).isEqualTo("INELIGIBLE");

        // each entrant's link tells them; a winner has a pickup code
        int aWinner = winners.iterator().next();
        Lottery.EntryResult won = lottery.result(tokens.get(aWinner));
        assertThat(won.result()).isEqualTo("WON");
        assertThat(won.reservation().pickupCode()).matches("\\d{6}");
        int aLoser = list.stream().filter(p -> "LOST".equals(p.result())).findFirst().orElseThrow().number();
        assertThat(lottery.result(tokens.get(aLoser)).reservation()).isNull();
        assertThat(jdbc.sql("select sum(booked) from mask_round_point where round_id = :r").param("r", round.id())
                .query(Integer.class).single()).isEqualTo(40);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
