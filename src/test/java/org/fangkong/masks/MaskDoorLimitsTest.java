package org.fangkong.masks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One address cannot try ID numbers by the thousand: after its burst the doors answer 429 (API) or say so (page). */
@FangkongTest
@TestPropertySource(properties = {"fangkong.masks.ip-burst=3", "fangkong.masks.ip-per-minute=1"})
class MaskDoorLimitsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void anAddressOverItsBurstIsToldToWait() throws Exception {
        String body = "{\"roundId\":1,\"pointId\":1,\"name\":\"试\",\"idNumber\":\"x\",\"phone\":\"1\"}";
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/reservations").with(from("203.0.113.91")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/v1/reservations").with(from("203.0.113.91")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value(containsString("too-many")));
        mvc.perform(post("/api/v1/lottery-entries").with(from("203.0.113.91")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isTooManyRequests());
        // another address is not held up
        mvc.perform(post("/api/v1/reservations").with(from("203.0.113.92")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest());
        // the page says it in words
        PickupPoint point = points.register(new PickupPoints.PointForm(MaskReservationTest.VILLAGE, "限流药房", PickupPoint.Kind.PHARMACY,
                "", ""), MaskReservationTest.OFFICER);
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "限流批次", MaskRound.Mode.FIRST_COME, 5, 10,
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), LocalDate.now(), LocalDate.now().plusDays(1),
                List.of(new MaskRounds.Allocation(point.id(), 10))), MaskReservationTest.OFFICER);
        mvc.perform(post("/m/" + round.id()).with(from("203.0.113.91")).param("name", "试"))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("提交太频繁")));
    }
}
