package org.fangkong.command;

import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 督导检查 (issue 17, item 7): the city's unannounced visit to a village finds an unmanned checkpoint;
 * the village responds, the city sends it back once and then closes it; open findings per node;
 * another county sees nothing; only the unit responds and only the level above closes.
 */
@FangkongTest
class SupervisionTest {

    static final String VILLAGE = "370102002003";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Clock clock;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aFindingIsRectifiedAndClosed() throws Exception {
        LocalDate today = ShanghaiTime.today(clock);
        String city = Staff.token(mvc, staff.create(Role.COMMANDER, "3701"));
        String village = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String otherCounty = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        send(city, "/api/v1/supervision/visits", """
                {"unit":"%s","unannounced":true,"findings":[{"item":"CHECKPOINT_UNMANNED","detail":"x","dueOn":"%s"}]}"""
                .formatted(VILLAGE, today.minusDays(1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("findings[0].dueOn"));
        String visit = send(city, "/api/v1/supervision/visits", """
                {"unit":"%s","unannounced":true,"summary":"夜间暗访","findings":[
                 {"item":"CHECKPOINT_UNMANNED","detail":"22:40 东门卡口无人值守","dueOn":"%s"},
                 {"item":"LEDGER_NOT_CURRENT","detail":"外来人员台账 3 天未更新","dueOn":"%s"}]}"""
                .formatted(VILLAGE, today.plusDays(1), today.plusDays(3))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.findings.length()").value(2)).andReturn().getResponse().getContentAsString();
        long finding = ((Number) JsonPath.read(visit, "$.findings[0].id")).longValue();
        mvc.perform(get("/api/v1/supervision/counts?node=3701").header("Authorization", "Bearer " + city))
                .andExpect(jsonPath("$[0].open").value(greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$[?(@.code == '370102')].open").value(hasItem(greaterThanOrEqualTo(2))));

        String url = "/api/v1/supervision/findings/" + finding;
        send(city, url + "/response", "{\"response\":\"x\"}").andExpect(status().isForbidden());
        send(otherCounty, url + "/response", "{\"response\":\"x\"}").andExpect(status().isNotFound());
        send(village, url + "/response", "{\"response\":\"已排 3 班，夜班 2 人\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESPONDED"));
        send(village, url + "/confirm", "{\"accepted\":true}").andExpect(status().isForbidden());
        send(city, url + "/confirm", "{\"accepted\":false}").andExpect(jsonPath("$.status").value("OPEN"));
        send(village, url + "/response", "{\"response\":\"已排 3 班，夜班 2 人，增设照明\"}").andExpect(status().isOk());
        send(city, url + "/confirm", "{\"accepted\":true}").andExpect(jsonPath("$.status").value("CLOSED"));
        send(city, url + "/confirm", "{\"accepted\":true}").andExpect(status().isConflict());
        mvc.perform(post(url + "/photos").header("Authorization", "Bearer " + city).contentType("image/png")
                .content(new byte[] {'G', 'I', 'F', '8'})).andExpect(status().isBadRequest());

        // a photo of the second finding: stored, shown to the area, not to another county
        long second = ((Number) JsonPath.read(visit, "$.findings[1].id")).longValue();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        mvc.perform(post("/api/v1/supervision/findings/" + second + "/photos").header("Authorization", "Bearer " + city)
                .contentType("image/png").content(png)).andExpect(status().isNoContent());
        long photo = ((Number) JsonPath.read(mvc.perform(get("/api/v1/supervision/visits/" + JsonPath.read(visit, "$.id"))
                .header("Authorization", "Bearer " + city)).andReturn().getResponse().getContentAsString(), "$.findings[1].photos"))
                .longValue();
        assertThat(photo).isEqualTo(1);
        String visitPageCity = mvc.perform(get("/supervision/visits/" + JsonPath.read(visit, "$.id"))
                .session(Staff.login(mvc, staff.create(Role.COMMANDER, "3701")))).andReturn().getResponse().getContentAsString();
        String src = visitPageCity.replaceAll("(?s).*src=\"(/supervision/photos/\\d+)\".*", "$1");
        mvc.perform(get(src.replace("/supervision/", "/api/v1/supervision/")).header("Authorization", "Bearer " + village))
                .andExpect(status().isOk())
                .andExpect(content().bytes(png));
        mvc.perform(get(src.replace("/supervision/", "/api/v1/supervision/")).header("Authorization", "Bearer " + otherCounty))
                .andExpect(status().isNotFound());

        MockHttpSession session = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String page = mvc.perform(get("/supervision").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("台账未及时更新").doesNotContain("卡口无人值守");
        long visitId = ((Number) JsonPath.read(visit, "$.id")).longValue();
        String visitPage = mvc.perform(get("/supervision/visits/" + visitId).session(Staff.login(mvc, staff.create(Role.COMMANDER, "3701"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(visitPage).contains("夜间暗访").contains("暗访").contains("已销号").contains("添加现场照片");
    }
}
