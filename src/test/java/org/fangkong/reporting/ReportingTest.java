package org.fangkong.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
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

/** docs/rules.md "Daily report and zero report": one tap for zero, late marked, corrections kept, completeness per child. */
@FangkongTest
class ReportingTest {

    static final String TOWNSHIP = "370102005";
    static final String VILLAGE = "370102005001";
    static final String OTHER = "370102005002";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aZeroReportACorrectionALateReportAndTheTownshipsCompleteness() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        LocalDate day = ShanghaiTime.today(Clock.systemUTC()).minusDays(3);
        mvc.perform(get("/api/v1/reports/prefill").param("unit", VILLAGE).param("day", day.toString())
                        .header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andExpect(jsonPath("$.newConfirmed").value(0));
        postJson("/api/v1/reports", worker, "{\"unit\":\"%s\",\"day\":\"%s\",\"zero\":true}".formatted(VILLAGE, day))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.zero").value(true)).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.late").value(true)).andExpect(jsonPath("$.counts.homeObservation").value(0));
        postJson("/api/v1/reports", worker, """
                {"unit":"%s","day":"%s","counts":{"newFever":1,"newSuspected":0,"newConfirmed":0,"newCloseContacts":2,
                 "homeObservation":5,"centralObservation":0,"released":1,"keyAreaArrivals":3}}""".formatted(VILLAGE, day))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.zero").value(false)).andExpect(jsonPath("$.version").value(2));
        postJson("/api/v1/reports", worker, """
                {"unit":"%s","day":"%s","counts":{"newFever":-1,"newSuspected":0,"newConfirmed":0,"newCloseContacts":0,
                 "homeObservation":0,"centralObservation":0,"released":0,"keyAreaArrivals":0}}""".formatted(VILLAGE, day))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("counts"));
        String versions = mvc.perform(get("/api/v1/reports/versions").param("unit", VILLAGE).param("day", day.toString())
                .header("Authorization", "Bearer " + worker)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Boolean>>read(versions, "$[*].zero")).containsExactly(true, false);
        assertThat(JsonPath.<List<Boolean>>read(versions, "$[*].current")).containsExactly(false, true);
        postJson("/api/v1/reports", worker, "{\"unit\":\"%s\",\"zero\":true}".formatted(OTHER)).andExpect(status().isBadRequest());

        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String overview = mvc.perform(get("/api/v1/reports/completeness").param("jurisdiction", TOWNSHIP).param("day", day.toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int expected = JsonPath.read(overview, "$.node.expected");
        assertThat(expected).isGreaterThan(1);
        assertThat(JsonPath.<Integer>read(overview, "$.node.reported")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(overview, "$.node.onTime")).isZero();
        assertThat(JsonPath.<List<Integer>>read(overview, "$.children[?(@.code == '%s')].reported".formatted(VILLAGE))).containsExactly(1);
        assertThat(JsonPath.<List<Double>>read(overview, "$.children[?(@.code == '%s')].completeness".formatted(VILLAGE))).containsExactly(100.0);
        assertThat(JsonPath.<List<String>>read(overview, "$.missing[*].code")).contains(OTHER).doesNotContain(VILLAGE);
        assertThat(JsonPath.<List<Object>>read(overview, "$.missing")).hasSize(expected - 1);
        // the township's trend (kept tallies) counts the same: one report, the corrected one, not on time, not zero
        String trend = mvc.perform(get("/api/v1/dashboard").param("jurisdiction", TOWNSHIP).param("day", day.toString())
                        .param("days", "7").header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(trend, "$.reportTrend[6].reported")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(trend, "$.reportTrend[6].onTime")).isZero();
        assertThat(JsonPath.<Integer>read(trend, "$.reportTrend[6].zero")).isZero();
        assertThat(JsonPath.<Integer>read(trend, "$.reportTrend[6].homeObservation")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(trend, "$.reportTrend[6].expected")).isEqualTo(expected);

        // the roll-up sums the current version only, for the township and for the village
        String rollup = mvc.perform(get("/api/v1/reports/rollup").param("jurisdiction", TOWNSHIP).param("day", day.toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(rollup, "$.node.reports")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(rollup, "$.node.counts.homeObservation")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(rollup, "$.node.counts.keyAreaArrivals")).isEqualTo(3);
        assertThat(JsonPath.<List<Integer>>read(rollup, "$.children[?(@.code == '%s')].counts.newFever".formatted(VILLAGE)))
                .containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(rollup, "$.children[?(@.code == '%s')].reports".formatted(OTHER))).containsExactly(0);

        String elsewhere = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        mvc.perform(get("/api/v1/reports/versions").param("unit", VILLAGE).param("day", day.toString())
                .header("Authorization", "Bearer " + elsewhere)).andExpect(status().isBadRequest());
    }

    @Test
    void aVillageSendsAZeroReportInOneTapAndTheTownshipSeesIt() throws Exception {
        String village = "370102005003";
        var worker = Staff.login(mvc, staff.create(Role.GRID_WORKER, village));
        String page = mvc.perform(get("/reports").session(worker)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("尚未报告").contains("zero-report").contains("name=\"homeObservation\"");
        LocalDate yesterday = ShanghaiTime.today(Clock.systemUTC()).minusDays(1);
        String back = mvc.perform(post("/reports").session(worker).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("unit", village).param("day", yesterday.toString()).param("zero", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(back).session(worker)).andReturn().getResponse().getContentAsString())
                .contains("零报告已提交").contains("已报告（第 1 版，零报告");

        var officer = Staff.login(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String township = mvc.perform(get("/reports/completeness").param("jurisdiction", TOWNSHIP).session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(township).contains("child-" + village).contains("未报告的单位").contains("(" + OTHER + ")")
                .doesNotContain("(" + village + ")");
    }

    @Test
    void thePrefillCountsWhatTheGatesLedgersAndObservationKnow() throws Exception {
        String village = "370102006014";
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, village));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        String first17 = "370102" + "19770707" + "515";
        String id = first17 + IdCardNumber.checkCharacter(first17);
        postJson("/api/v1/outsiders", worker, "{\"jurisdiction\":\"" + village + "\",\"name\":\"孟飞\",\"idNumber\":\"" + id
                + "\",\"origin\":\"湖北省武汉市江岸区\",\"originCode\":\"420102\",\"arrivedOn\":\"" + today
                + "\",\"address\":\"6号院\",\"purpose\":\"返乡\"}").andExpect(status().isCreated());
        String gate = mvc.perform(post("/api/v1/checkpoints").header("Authorization", "Bearer " + worker)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"jurisdiction\":\"" + village + "\",\"name\":\"东口\",\"kind\":\"ROAD\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second17 = "370102" + "19880808" + "626";
        postJson("/api/v1/checkpoints/" + JsonPath.read(gate, "$.id") + "/passages", worker, "{\"direction\":\"IN\",\"name\":\"钱多\","
                + "\"idNumber\":\"" + second17 + IdCardNumber.checkCharacter(second17) + "\",\"temperature\":38.1}")
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/reports/prefill").param("unit", village).param("day", today.toString())
                        .header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newFever").value(1))          // the fever at the gate
                .andExpect(jsonPath("$.keyAreaArrivals").value(1))   // the arrival from Wuhan
                .andExpect(jsonPath("$.homeObservation").value(1))   // whose observation opened by itself
                .andExpect(jsonPath("$.newCloseContacts").value(0));
        mvc.perform(get("/api/v1/reports/prefill").param("unit", village).param("day", today.minusDays(1).toString())
                        .header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$.newFever").value(0)).andExpect(jsonPath("$.keyAreaArrivals").value(0));
    }
}
