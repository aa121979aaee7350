package org.fangkong.masks;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An officer registers a point and opens a round on the page; the point's staff hand masks over at their counter. */
@FangkongTest
class MaskPagesTest {

    static final String VILLAGE = "370102001006";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reservations reservations;

    @Test
    void anOfficerOpensARoundAndThePharmacistHandsOutOnce() throws Exception {
        MockHttpSession officer = Staff.login(mvc, staff.create(Role.OFFICER, "370102"));
        mvc.perform(post("/masks/points").session(officer).with(csrf()).param("jurisdiction", VILLAGE).param("name", "")
                        .param("kind", "PHARMACY"))
                .andExpect(redirectedUrl("/masks")).andExpect(flash().attribute("errorKey", "validation.masks.pointName"));
        mvc.perform(post("/masks/points").session(officer).with(csrf()).param("jurisdiction", VILLAGE).param("name", "柜台药房")
                        .param("kind", "PHARMACY").param("hours", "8:00-20:00"))
                .andExpect(redirectedUrl("/masks")).andExpect(flash().attribute("notice", "masks.pointRegistered"));
        long pointId = jdbc.sql("select id from pickup_point where name = '柜台药房'").query(Long.class).single();
        LocalDate today = LocalDate.now(ShanghaiTime.ZONE);
        LocalDateTime now = LocalDateTime.now(ShanghaiTime.ZONE);
        mvc.perform(post("/masks/rounds").session(officer).with(csrf()).param("scope", "370102").param("name", "柜台批次")
                        .param("mode", "FIRST_COME").param("opensAt", now.minusMinutes(5).withNano(0).toString())
                        .param("closesAt", now.plusHours(2).withNano(0).toString()).param("pickupFrom", today.toString())
                        .param("pickupTo", today.plusDays(1).toString()).param("quantityPerPoint", "20")
                        .param("pointIds", String.valueOf(pointId)))
                .andExpect(redirectedUrl("/masks")).andExpect(flash().attribute("notice", "masks.roundOpened"));
        long roundId = jdbc.sql("select id from mask_round where name = '柜台批次'").query(Long.class).single();
        mvc.perform(get("/masks").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("柜台批次"))).andExpect(content().string(containsString("柜台药房")));

        Reservation r = reservations.reserve(new ReservationForm(roundId, pointId, "冯二", MaskReservationTest.idNumber(), "13912340077"));
        Staff.Account counter = staff.create(Role.PICKUP_POINT, VILLAGE);
        MockHttpSession pharmacist = Staff.login(mvc, counter);
        // a pharmacist sees only the point an officer assigned them to
        mvc.perform(get("/masks/points/" + pointId).session(pharmacist)).andExpect(status().isNotFound());
        mvc.perform(post("/masks/points/" + pointId + "/staff").session(officer).with(csrf()).param("username", counter.username()))
                .andExpect(redirectedUrl("/masks/points/" + pointId)).andExpect(flash().attribute("notice", "masks.staffAssigned"));
        mvc.perform(get("/masks/points/" + pointId).session(officer))
                .andExpect(content().string(containsString(counter.username())));
        // the officer changes the opening hours; the pharmacist may not
        mvc.perform(post("/masks/points/" + pointId + "/edit").session(officer).with(csrf()).param("name", "柜台药房")
                        .param("kind", "PHARMACY").param("hours", "7:30-21:00").param("address", "历山路 9 号"))
                .andExpect(redirectedUrl("/masks/points/" + pointId)).andExpect(flash().attribute("notice", "masks.pointSaved"));
        mvc.perform(post("/masks/points/" + pointId + "/edit").session(officer).with(csrf()).param("name", " "))
                .andExpect(flash().attribute("errorKey", "validation.masks.pointName"));
        mvc.perform(post("/masks/points/" + pointId + "/edit").session(pharmacist).with(csrf()).param("name", "改名"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/masks/points/" + pointId).session(pharmacist))
                .andExpect(content().string(containsString("7:30-21:00"))).andExpect(content().string(containsString("历山路 9 号")));
        mvc.perform(get("/masks").session(pharmacist)).andExpect(redirectedUrl("/masks/points/" + pointId));
        MvcResult handed = mvc.perform(post("/masks/points/" + pointId + "/collect").session(pharmacist).with(csrf())
                        .param("code", r.pickupCode()))
                .andExpect(redirectedUrl("/masks/points/" + pointId)).andReturn();
        mvc.perform(get("/masks/points/" + pointId).session(pharmacist).flashAttrs(handed.getFlashMap()))
                .andExpect(content().string(containsString("已发放 5 只：冯*")));
        mvc.perform(post("/masks/points/" + pointId + "/collect").session(pharmacist).with(csrf()).param("code", r.pickupCode()))
                .andExpect(flash().attribute("errorKey", "masks.noSuchReservation"));
        assertThat(jdbc.sql("select collected from mask_round_point where round_id = :r").param("r", roundId)
                .query(Integer.class).single()).isEqualTo(5); // masks, as the stock
        // another village's pharmacist does not find the counter
        MockHttpSession stranger = Staff.login(mvc, staff.create(Role.PICKUP_POINT, "370102002002"));
        mvc.perform(get("/masks/points/" + pointId).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(post("/masks/points/" + pointId + "/collect").session(stranger).with(csrf()).param("code", r.pickupCode()))
                .andExpect(status().isNotFound());
    }
}
