package org.fangkong.livelihood;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 生活保障点 (issue 17, item 1): 东营's officer registers two points; the village's grid worker marks
 * vegetables out in one tap; the public page shows it without signing in; the node's counts and the
 * command dashboard's line count the shortage; another county sees nothing.
 */
@FangkongTest
class SupplyPointsTest {

    static final String VILLAGE = "370502001011";
    static final String OTHER_VILLAGE = "370502001013";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions read(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    @Test
    void aPointsShortageIsTappedInAndSeenEverywhere() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370502"));
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String elsewhere = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102001002"));
        send(officer, "/api/v1/supply-points", "{\"jurisdiction\":\"370502001\",\"name\":\"x\",\"kind\":\"MARKET\",\"categories\":[\"VEGETABLES\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));
        send(officer, "/api/v1/supply-points", "{\"jurisdiction\":\"%s\",\"name\":\"x\",\"kind\":\"MARKET\",\"categories\":[\"FISH\"]}"
                .formatted(VILLAGE)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categories"));
        long market = ((Number) JsonPath.read(send(officer, "/api/v1/supply-points", """
                {"jurisdiction":"%s","name":"东营社区菜篮子直供点","kind":"MOBILE_STALL","hours":"7:00–11:00",
                 "categories":["VEGETABLES","MEAT_EGGS","GRAIN_OIL"]}""".formatted(VILLAGE))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        send(officer, "/api/v1/supply-points", """
                {"jurisdiction":"%s","name":"中王屋便民超市","kind":"SUPERMARKET","categories":["VEGETABLES","DAILY_GOODS"]}"""
                .formatted(OTHER_VILLAGE)).andExpect(status().isCreated());

        send(worker, "/api/v1/supply-points/" + market + "/status", "{\"category\":\"DAIRY\",\"status\":\"OUT\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        send(worker, "/api/v1/supply-points/" + market + "/status", "{\"category\":\"VEGETABLES\",\"status\":\"OUT\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.categories[0].status").value("OUT"));
        send(worker, "/api/v1/supply-points/" + market + "/status", "{\"category\":\"GRAIN_OIL\",\"status\":\"AMPLE\"}")
                .andExpect(status().isOk());
        send(elsewhere, "/api/v1/supply-points/" + market + "/status", "{\"category\":\"VEGETABLES\",\"status\":\"AMPLE\"}")
                .andExpect(status().isNotFound());

        read(officer, "/api/v1/supply-points/counts?node=370502001").andExpect(jsonPath("$[0].points").value(2))
                .andExpect(jsonPath("$[0].withShortage").value(1))
                .andExpect(jsonPath("$[?(@.code == '" + VILLAGE + "')].withShortage").value(1));
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "3705"));
        read(commander, "/api/v1/dashboard?jurisdiction=3705")
                .andExpect(jsonPath("$.lines[?(@.messageKey == 'dash.supplyPoints')].args[0]").value(2));

        // the public page, no sign-in: the township lists both, each category as it stands
        String page = mvc.perform(get("/s").param("at", "370502001")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("东营社区菜篮子直供点").contains("中王屋便民超市").contains("缺货").contains("充足").contains("未更新")
                .doesNotContain("<script");
        assertThat(mvc.perform(get("/s").param("at", "3705")).andReturn().getResponse().getContentAsString()).contains("东营区")
                .doesNotContain("东营社区菜篮子直供点");
    }
}
