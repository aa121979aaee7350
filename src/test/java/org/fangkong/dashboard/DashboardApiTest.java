package org.fangkong.dashboard;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard's data over the API, who may see it, and the zoning page's override form for commanders only. */
@FangkongTest
class DashboardApiTest {

    static final Actor OFFICER = new Actor(0, "dashboard-api", "测试", Role.OFFICER, "37", "37");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    PublishedCounts counts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitysScreenAsData() throws Exception {
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        counts.apply("370602", today.minusDays(2), "CONFIRMED", 2, OFFICER);
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "3706"));
        mvc.perform(get("/api/v1/dashboard").param("days", "14").header("Authorization", "Bearer " + commander))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("3706"))
                .andExpect(jsonPath("$.day").value(today.toString()))
                .andExpect(jsonPath("$.reportDay").value(today.minusDays(1).toString()))
                .andExpect(jsonPath("$.figures.confirmed").value(2))
                .andExpect(jsonPath("$.figures.newConfirmed").value(0))
                .andExpect(jsonPath("$.risk").value("MEDIUM"))
                .andExpect(jsonPath("$.counties.MEDIUM").value(1))
                .andExpect(jsonPath("$.children[?(@.code == '370602')].risk").value("MEDIUM"))
                .andExpect(jsonPath("$.children[?(@.code == '370602')].confirmed").value(2))
                .andExpect(jsonPath("$.caseTrend.length()").value(14))
                .andExpect(jsonPath("$.caseTrend[11].newConfirmed").value(2))
                .andExpect(jsonPath("$.caseTrend[13].confirmed").value(2))
                .andExpect(jsonPath("$.reportTrend.length()").value(14))
                .andExpect(jsonPath("$.reportTrend[13].day").value(today.minusDays(1).toString()))
                .andExpect(jsonPath("$.riskTrend.length()").value(14))
                .andExpect(jsonPath("$.riskTrend[10].medium").value(0))
                .andExpect(jsonPath("$.riskTrend[11].medium").value(1))
                // the map's counties: the city's 13 county-level divisions, its two development zones flagged
                .andExpect(jsonPath("$.areas.length()").value(13))
                .andExpect(jsonPath("$.areas[?(@.code == '370602')].risk").value("MEDIUM"))
                .andExpect(jsonPath("$.areas[?(@.code == '370602')].confirmed").value(2))
                .andExpect(jsonPath("$.areas[?(@.code == '370671')].devZone").value(true));
        // the province's map has all 151 county-level divisions, with the same figures
        String provincial = Staff.token(mvc, staff.create(Role.COMMANDER, "37"));
        mvc.perform(get("/api/v1/dashboard").param("days", "14").header("Authorization", "Bearer " + provincial))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areas.length()").value(151))
                .andExpect(jsonPath("$.areas[?(@.code == '370602')].risk").value("MEDIUM"))
                .andExpect(jsonPath("$.areas[?(@.code == '370602')].confirmed").value(2))
                .andExpect(jsonPath("$.areas[?(@.code == '370602')].expected").value(
                        (int) (long) jdbc.sql("select sub_villages from jurisdiction where code = '370602'").query(Long.class).single()));
        // below the county there is no map: the tiles are the map
        mvc.perform(get("/api/v1/dashboard").param("jurisdiction", "370602").header("Authorization", "Bearer " + commander))
                .andExpect(status().isOk()).andExpect(jsonPath("$.areas.length()").value(0));
        mvc.perform(get("/api/v1/dashboard").param("days", "3").header("Authorization", "Bearer " + commander))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(get("/api/v1/dashboard").param("jurisdiction", "3701").header("Authorization", "Bearer " + commander))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/zoning/history").param("county", "370602").param("from", today.minusDays(200).toString())
                        .header("Authorization", "Bearer " + commander))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("开始日期不能晚于结束日期，最多 120 天。"));
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370602001001"));
        mvc.perform(get("/api/v1/dashboard").header("Authorization", "Bearer " + worker)).andExpect(status().isForbidden());
    }

    @Test
    void onlyCommandersSeeAndUseTheOverrideForm() throws Exception {
        var officer = Staff.login(mvc, staff.create(Role.OFFICER, "3706"));
        String page = mvc.perform(get("/zoning").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("county-370602").doesNotContain("name=\"reason\"");
        mvc.perform(post("/zoning/overrides").session(officer).with(csrf()).param("county", "370602").param("level", "HIGH")
                .param("reason", "试图调整")).andExpect(status().isForbidden())
                // an action refused on a page the role may open: the generic words, not "roles that may open it"
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("您的角色不能进行此操作").doesNotContain("可以打开它的角色"));
        var commander = Staff.login(mvc, staff.create(Role.COMMANDER, "3706"));
        assertThat(mvc.perform(get("/zoning").session(commander)).andReturn().getResponse().getContentAsString())
                .contains("name=\"reason\"");
    }
}
