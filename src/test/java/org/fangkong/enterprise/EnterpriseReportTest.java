package org.fangkong.enterprise;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 企业日报 (issue 15, item 7): enterprises that resumed work report daily, prefilled; 无异常 is one
 * tap; the reports count into the completeness of their village, township, county and city (the
 * city's expected units from the running sums agree with the county's from the states); those not
 * reported are listed; an enterprise not yet resumed cannot report; another county sees nothing.
 */
@FangkongTest
class EnterpriseReportTest {

    static final String TOWNSHIP = "370102007";
    static final String VILLAGE = "370102007001";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions read(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    long idOf(String code) {
        return jdbc.sql("select id from enterprise where credit_code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void resumedEnterprisesReportAndCountIntoCompleteness() throws Exception {
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate day = today.minusDays(1);
        String since = today.minusDays(3).toString();
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String otherCounty = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        String[] codes = new String[4];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = EnterpriseResumptionTest.newCreditCode();
        }
        String[][] rows = {
                EnterpriseExcel.HEADERS,
                {codes[0], "和平机械", "", "34", "中型", "是", "否", "否", VILLAGE, "", "", "100", "已复工", since, "80"},
                {codes[1], "和平食品", "", "14", "小型", "否", "否", "是", VILLAGE, "", "", "40", "达产", since, "40"},
                {codes[2], "和平印务", "", "23", "小型", "否", "否", "否", VILLAGE, "", "", "20", "未复工", "", ""},
                {codes[3], "和平物流", "", "54", "小型", "否", "否", "否", VILLAGE, "", "", "30", "已复工", since, "12"},
        };
        mvc.perform(post("/api/v1/enterprises/import").header("Authorization", "Bearer " + officer)
                .contentType("application/octet-stream").content(Sheets.xlsx(rows))).andExpect(status().isCreated());
        long machines = idOf(codes[0]);
        long food = idOf(codes[1]);
        long print = idOf(codes[2]);
        String reports = "/api/v1/enterprises/%d/reports";

        // prefilled from the last state; not resumed: no report; counts within the staff total
        read(officer, reports.formatted(machines) + "?day=" + day).andExpect(status().isOk())
                .andExpect(jsonPath("$.prefill.staffOnSite").value(80)).andExpect(jsonPath("$.versions.length()").value(0));
        send(officer, reports.formatted(print), "{\"day\":\"%s\",\"counts\":{\"staffOnSite\":0,\"newFever\":0,\"inIsolation\":0}}"
                .formatted(day)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        send(officer, reports.formatted(machines), "{\"day\":\"%s\",\"counts\":{\"staffOnSite\":120,\"newFever\":0,\"inIsolation\":0}}"
                .formatted(day)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("staffOnSite"));

        send(officer, reports.formatted(machines), "{\"day\":\"%s\",\"counts\":{\"staffOnSite\":78,\"newFever\":1,\"inIsolation\":2}}"
                .formatted(day)).andExpect(status().isCreated()).andExpect(jsonPath("$.zero").value(false))
                .andExpect(jsonPath("$.version").value(1));
        send(officer, reports.formatted(machines), "{\"day\":\"%s\",\"counts\":{\"staffOnSite\":79,\"newFever\":1,\"inIsolation\":2}}"
                .formatted(day)).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));
        // 无异常 in one tap: staff on site as known
        send(officer, reports.formatted(food), "{\"day\":\"%s\",\"zero\":true}".formatted(day)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.zero").value(true)).andExpect(jsonPath("$.counts.staffOnSite").value(40))
                .andExpect(jsonPath("$.counts.newFever").value(0));
        // a report days after its deadline is late
        send(officer, reports.formatted(food), "{\"day\":\"%s\",\"zero\":true}".formatted(since)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(true));
        read(officer, reports.formatted(machines) + "?day=" + day).andExpect(jsonPath("$.versions.length()").value(2))
                .andExpect(jsonPath("$.versions[1].current").value(true)).andExpect(jsonPath("$.versions[0].current").value(false));

        // completeness: three resumed enterprises expected, two reported (one zero), the logistics firm missing
        String completeness = "/api/v1/reports/completeness?day=" + day + "&jurisdiction=";
        read(officer, completeness + VILLAGE).andExpect(jsonPath("$.others[0].labelKey").value("report.units.enterprises"))
                .andExpect(jsonPath("$.others[0].node.expected").value(3)).andExpect(jsonPath("$.others[0].node.reported").value(2))
                .andExpect(jsonPath("$.others[0].node.zero").value(1))
                .andExpect(jsonPath("$.others[0].missing.length()").value(1))
                .andExpect(jsonPath("$.others[0].missing[0].name").value("和平物流"));
        read(officer, completeness + TOWNSHIP)
                .andExpect(jsonPath("$.others[0].children['" + VILLAGE + "'].expected").value(3))
                .andExpect(jsonPath("$.others[0].children['" + VILLAGE + "'].reported").value(2));
        String county = read(officer, completeness + "370102").andReturn().getResponse().getContentAsString();
        int countyExpected = com.jayway.jsonpath.JsonPath.read(county, "$.others[0].node.expected");
        assertThat(countyExpected).isGreaterThanOrEqualTo(3);
        assertThat((Integer) com.jayway.jsonpath.JsonPath.read(county, "$.others[0].children['" + TOWNSHIP + "'].expected")).isEqualTo(3);
        read(officer, completeness + "3701").andExpect(status().isNotFound());
        String city = Staff.token(mvc, staff.create(Role.OFFICER, "3701"));
        read(city, completeness + "3701").andExpect(jsonPath("$.others[0].children['370102'].expected").value(countyExpected));

        // the command dashboard's line for the township
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "370102"));
        read(commander, "/api/v1/dashboard?jurisdiction=" + TOWNSHIP + "&day=" + day)
                .andExpect(jsonPath("$.lines[?(@.messageKey == 'dash.enterpriseReports')].args[0]").value(2))
                .andExpect(jsonPath("$.lines[?(@.messageKey == 'dash.enterpriseReports')].args[1]").value(3));

        // another county sees nothing of it
        read(otherCounty, reports.formatted(machines)).andExpect(status().isNotFound());
        send(otherCounty, reports.formatted(machines), "{\"zero\":true}").andExpect(status().isNotFound());

        // the pages: the enterprise's card shows what was sent; the completeness page lists the missing one
        MockHttpSession session = Staff.login(mvc, staff.create(Role.OFFICER, "370102"));
        mvc.perform(post("/enterprises/" + food + "/reports").session(session).with(csrf()).param("day", day.toString())
                .param("zero", "true")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/enterprises/" + machines).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("企业日报").contains("在岗 79 人");
        String overview = mvc.perform(get("/reports/completeness").param("jurisdiction", TOWNSHIP).param("day", day.toString())
                .session(session)).andReturn().getResponse().getContentAsString();
        assertThat(overview).contains("复工企业日报").contains("和平物流").contains("2 / 3");
    }
}
