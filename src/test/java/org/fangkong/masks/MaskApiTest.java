package org.fangkong.masks;

import java.time.Instant;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Points and rounds by officers, a citizen's reservation without an account, the pickup by the point's staff. */
@FangkongTest
class MaskApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void aCitizenReservesWithoutAnAccountAndThePointHandsTheMasksOver() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String point = send(officer, "/api/v1/pickup-points",
                "{\"jurisdiction\":\"370102001002\",\"name\":\"接口药房\",\"kind\":\"pharmacy\",\"hours\":\"8:00-20:00\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.jurisdictionName").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        long pointId = ((Number) JsonPath.read(point, "$.id")).longValue();
        mvc.perform(put("/api/v1/pickup-points/" + pointId).header("Authorization", "Bearer " + officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"接口药房\",\"kind\":\"shop\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(put("/api/v1/pickup-points/" + pointId).header("Authorization", "Bearer " + officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"接口药房\",\"kind\":\"clinic\",\"hours\":\"7:00-22:00\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("CLINIC")).andExpect(jsonPath("$.hours").value("7:00-22:00"));
        send(officer, "/api/v1/pickup-points", "{\"jurisdiction\":\"370102001\",\"name\":\"乡镇药房\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("jurisdiction"));
        String round = send(officer, "/api/v1/mask-rounds", """
                {"scope":"370102","name":"第一批","mode":"first_come","opensAt":"%s","closesAt":"%s","pickupFrom":"%s",
                 "pickupTo":"%s","points":[{"pointId":%d,"quantity":10}]}""".formatted(Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), LocalDate.now(), LocalDate.now().plusDays(1), pointId))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.quota").value(5)).andExpect(jsonPath("$.periodDays").value(10))
                .andReturn().getResponse().getContentAsString();
        long roundId = ((Number) JsonPath.read(round, "$.id")).longValue();

        String booking = "{\"roundId\":%d,\"pointId\":%d,\"name\":\"刘一\",\"idNumber\":\"%s\",\"phone\":\"13912340001\"}"
                .formatted(roundId, pointId, MaskReservationTest.idNumber());
        String reservation = mvc.perform(post("/api/v1/reservations").contentType(MediaType.APPLICATION_JSON).content(booking))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.nameMasked").value("刘*"))
                .andExpect(jsonPath("$.masks").value(5)).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(reservation, "$.pickupCode");
        mvc.perform(post("/api/v1/reservations").contentType(MediaType.APPLICATION_JSON).content(booking))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("idNumber"));
        mvc.perform(post("/api/v1/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content(booking.replace("13912340001", "139")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));

        Staff.Account counter = staff.create(Role.PICKUP_POINT, "370102001002");
        String pharmacist = Staff.token(mvc, counter);
        // not yet assigned to the point: the account does not find it
        send(pharmacist, "/api/v1/pickup-points/" + pointId + "/collect", "{\"code\":\"" + code + "\"}")
                .andExpect(status().isNotFound());
        send(officer, "/api/v1/pickup-points/" + pointId + "/staff", "{\"username\":\"nobody-here\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("username"));
        send(officer, "/api/v1/pickup-points/" + pointId + "/staff", "{\"username\":\"" + counter.username() + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.staff[0]").value(counter.username()));
        send(pharmacist, "/api/v1/pickup-points/" + pointId + "/collect", "{\"code\":\"" + code + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COLLECTED"));
        send(pharmacist, "/api/v1/pickup-points/" + pointId + "/collect", "{\"code\":\"" + code + "\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mask-rounds/" + roundId).header("Authorization", "Bearer "
                + Staff.token(mvc, staff.create(Role.OFFICER, "370103")))).andExpect(status().isNotFound());
    }

    private ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url)
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
