package org.fangkong.cases;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The case pages: the day's figures with the children, recording a case, its history and a change, the clusters page. */
@FangkongTest
class CasePagesTest {

    static final String VILLAGE = "370102004009";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void anOfficerRecordsACaseAndMovesItOn() throws Exception {
        MockHttpSession officer = Staff.login(mvc, staff.create(Role.OFFICER, "370102"));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        String list = mvc.perform(get("/cases").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("累计确诊").contains("治愈率").contains("id=\"children\"").contains("登记病例");

        String page = mvc.perform(post("/cases").session(officer).with(csrf()).param("name", "页面病例").param("phone", "13600000777").param("status", "SUSPECTED")
                        .param("jurisdiction", VILLAGE).param("reportedOn", today.minusDays(1).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page).matches("/cases/\\d+");
        String detail = mvc.perform(get(page).session(officer)).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("页**").contains("疑似").contains("id=\"next\"").doesNotContain("页面病例");
        // a day that is not a day: back to the list with the message, nothing recorded
        long before = jdbc.sql("select count(*) from case_record").query(Long.class).single();
        mvc.perform(post("/cases").session(officer).with(csrf()).param("name", "页面病例二").param("status", "SUSPECTED")
                        .param("jurisdiction", VILLAGE).param("reportedOn", "2020-02-31"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases"))
                .andExpect(flash().attribute("errorKey", "typeMismatch.java.time.LocalDate"))
                .andExpect(flash().attribute("errorField", "reportedOn"));
        assertThat(jdbc.sql("select count(*) from case_record").query(Long.class).single()).isEqualTo(before);
        mvc.perform(get("/cases").session(officer).flashAttr("errorKey", "typeMismatch.java.time.LocalDate"))
                .andExpect(content().string(containsString("日期格式应为 2020-01-22")));

        mvc.perform(post(page + "/status").session(officer).with(csrf()).param("status", "CONFIRMED").param("note", "核酸阳性"))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(get(page).session(officer)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("病例 " + page.substring(7) + " 的状态已更新").contains("核酸阳性")
                .contains(today + " 确诊");
        mvc.perform(post(page + "/status").session(officer).with(csrf()).param("status", "EXCLUDED"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(page).session(officer)).andReturn().getResponse().getContentAsString())
                .contains("这个状态不能转为所选状态");

        String village = mvc.perform(get("/cases").param("jurisdiction", VILLAGE).session(officer)).andReturn().getResponse()
                .getContentAsString();
        assertThat(village).contains("页**");
        assertThat(mvc.perform(get("/clusters").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("登记聚集性疫情");
        MockHttpSession worker = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        mvc.perform(get("/cases").session(worker)).andExpect(status().isForbidden());
    }
}
