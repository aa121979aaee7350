package org.fangkong.masks;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Masks by area (issue 14 item 5): a county and its townships as tiles with points, allotted,
 * booked, collected, no-shows and left; the same figures as a line on the command dashboard.
 */
@FangkongTest
class MaskAreasTest {

    static final String COUNTY = "370104";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;
    @Autowired
    Reservations reservations;
    @Autowired
    Clock clock;

    @Test
    void aCountyAndItsTownshipsShowTheirMasks() throws Exception {
        Actor officer = new Actor(0, "areas", "测试", Role.OFFICER, COUNTY, "37.3701." + COUNTY);
        PickupPoint a = points.register(new PickupPoints.PointForm("370104002002", "裕园药房", PickupPoint.Kind.PHARMACY, "", ""), officer);
        PickupPoint b = points.register(new PickupPoints.PointForm("370104003001", "北辛街药房", PickupPoint.Kind.PHARMACY, "", ""), officer);
        LocalDate today = ShanghaiTime.today(clock);
        MaskRound round = rounds.open(new MaskRounds.RoundForm(COUNTY, "槐荫区第一批", MaskRound.Mode.FIRST_COME, 5, 10,
                clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)), today, today,
                List.of(new MaskRounds.Allocation(a.id(), 100), new MaskRounds.Allocation(b.id(), 50))), officer);
        Reservation collected = reservations.reserve(new ReservationForm(round.id(), a.id(), "甲", MaskReservationTest.idNumber(), "13912348801"));
        reservations.reserve(new ReservationForm(round.id(), a.id(), "乙", MaskReservationTest.idNumber(), "13912348802"));
        reservations.reserve(new ReservationForm(round.id(), b.id(), "丙", MaskReservationTest.idNumber(), "13912348803"));
        reservations.collect(a.id(), collected.pickupCode(), officer);

        String token = Staff.token(mvc, staff.create(Role.COMMANDER, COUNTY));
        mvc.perform(get("/api/v1/mask-areas").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.points").value(2)).andExpect(jsonPath("$.total.quantity").value(150))
                .andExpect(jsonPath("$.total.booked").value(15)).andExpect(jsonPath("$.total.collected").value(5))
                .andExpect(jsonPath("$.total.noShow").value(0))
                .andExpect(jsonPath("$.children[?(@.code == '370104002')].booked").value(10))
                .andExpect(jsonPath("$.children[?(@.code == '370104003')].quantity").value(50))
                .andExpect(jsonPath("$.children[?(@.code == '370104001')].points").value(0));

        // after the pickup day the two not collected go back to stock as no-shows
        reservations.releaseUncollected(today.plusDays(1));
        mvc.perform(get("/api/v1/mask-areas").param("day", today.plusDays(1).toString()).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.total.noShow").value(10)).andExpect(jsonPath("$.total.booked").value(5))
                .andExpect(jsonPath("$.children[?(@.code == '370104003')].noShow").value(5));
        var session = Staff.login(mvc, staff.create(Role.COMMANDER, COUNTY));
        String page = mvc.perform(get("/masks/areas").param("node", "370104002").param("day", today.plusDays(1).toString())
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"area-370104002002\"").contains("裕园社区居民委员会");
        String dashboard = mvc.perform(get("/dashboard").param("jurisdiction", COUNTY).param("day", today.plusDays(1).toString())
                .session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("id=\"module-lines\"").contains("口罩：2 个领取点，分配 150 只，已约 5，已领 5，未领放回 10，剩余 145");

        // another county sees none of it
        String other = Staff.token(mvc, staff.create(Role.COMMANDER, "370103"));
        mvc.perform(get("/api/v1/mask-areas").param("node", COUNTY).header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
    }
}
