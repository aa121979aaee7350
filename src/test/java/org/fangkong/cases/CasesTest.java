package org.fangkong.cases;

import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.Assertions;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** docs/rules.md "Cases": statuses with dated history, published counts, figures of any day, cure rate. */
@FangkongTest
class CasesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theProvincesFiguresOf24February2020GiveTheCureRate() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "37"));
        String[][] counts = {{"3701", "2020-02-10", "CONFIRMED", "300"}, {"3702", "2020-02-12", "CONFIRMED", "455"},
                {"3701", "2020-02-20", "CURED", "141"}, {"3702", "2020-02-24", "CURED", "200"}};
        for (String[] c : counts) {
            postJson("/api/v1/cases/counts", officer, "{\"jurisdiction\":\"%s\",\"day\":\"%s\",\"status\":\"%s\",\"count\":%s}"
                    .formatted((Object[]) c)).andExpect(status().isOk()).andExpect(jsonPath("$.cases").value(Integer.parseInt(c[3])));
        }
        // more cured than confirmed cases: refused, nothing moved
        postJson("/api/v1/cases/counts", officer, "{\"jurisdiction\":\"3701\",\"day\":\"2020-02-24\",\"status\":\"CURED\",\"count\":1000}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("count"));

        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", "37").param("day", "2020-02-24")
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.node.confirmed").value(755)).andExpect(jsonPath("$.node.cured").value(341))
                .andExpect(jsonPath("$.node.cureRate").value(45.2)).andExpect(jsonPath("$.node.newCured").value(200))
                .andExpect(jsonPath("$.children[?(@.code == '3701')].confirmed").value(300))
                .andExpect(jsonPath("$.children[?(@.code == '3701')].cured").value(141))
                .andExpect(jsonPath("$.children[?(@.code == '3702')].cureRate").value(44.0))
                .andExpect(jsonPath("$.children.length()").value(16));
        // any past day is recomputed from the history
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", "37").param("day", "2020-02-11")
                        .header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.node.confirmed").value(300)).andExpect(jsonPath("$.node.cured").value(0))
                .andExpect(jsonPath("$.node.cureRate").value(0.0));
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", "37").param("day", "2020-02-12")
                        .header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.node.newConfirmed").value(455)).andExpect(jsonPath("$.node.confirmed").value(755));
    }

    @Test
    void aCaseMovesOnByDatedEventsOnlyAsTheRulesAllow() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        String hospital = postJson("/api/v1/hospitals", officer, "{\"name\":\"历下区定点医院\",\"jurisdiction\":\"370102\",\"beds\":120,\"icuBeds\":12}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long hospitalId = ((Number) JsonPath.read(hospital, "$.id")).longValue();
        postJson("/api/v1/hospitals", officer, "{\"name\":\"小诊所\",\"jurisdiction\":\"370102\",\"beds\":5,\"icuBeds\":6}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("icuBeds"));
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/hospitals/" + hospitalId)
                        .header("Authorization", "Bearer " + officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"beds\":200,\"icuBeds\":20}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.beds").value(200)).andExpect(jsonPath("$.icuBeds").value(20));
        String id = "370102" + "19850505" + "231";
        id += IdCardNumber.checkCharacter(id);
        String created = postJson("/api/v1/cases", officer, """
                {"name":"病例甲","idNumber":"%s","status":"SUSPECTED","jurisdiction":"370102001002","hospitalId":%d,
                 "onsetOn":"%s","reportedOn":"%s"}""".formatted(id, hospitalId, today.minusDays(5), today.minusDays(3)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("病**"))
                .andExpect(jsonPath("$.hospitalName").value("历下区定点医院")).andReturn().getResponse().getContentAsString();
        long caseId = ((Number) JsonPath.read(created, "$.id")).longValue();
        String status = "/api/v1/cases/" + caseId + "/status";
        postJson(status, officer, "{\"status\":\"CURED\"}").andExpect(status().isConflict());
        postJson(status, officer, "{\"status\":\"CONFIRMED\",\"on\":\"%s\"}".formatted(today.minusDays(4)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        postJson(status, officer, "{\"status\":\"CONFIRMED\",\"on\":\"%s\"}".formatted(today.minusDays(2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.confirmedOn").value(today.minusDays(2).toString()));
        mvc.perform(get("/api/v1/hospitals").header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$[?(@.id == %d)].patients".formatted(hospitalId)).value(1));
        postJson(status, officer, "{\"status\":\"CURED\",\"note\":\"两次核酸阴性\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.dischargedOn").value(today.toString()));
        postJson(status, officer, "{\"status\":\"DIED\"}").andExpect(status().isConflict());
        Assertions.assertThat(jdbc.sql(
                        "select string_agg(action || ':' || reason, ',' order by id) from audit_entry where target = :t")
                .param("t", "case:" + caseId).query(String.class).single())
                .isEqualTo("CASE_RECORDED:SUSPECTED,CASE_CHANGED:SUSPECTED->CONFIRMED,CASE_CHANGED:CONFIRMED->CURED");
        mvc.perform(get("/api/v1/cases/" + caseId + "/history").header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$[*].status").value(Matchers.contains("SUSPECTED", "CONFIRMED", "CURED")))
                .andExpect(jsonPath("$[2].note").value("两次核酸阴性"));

        // the village's figures two days ago and today
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", "370102001").param("day", today.minusDays(2).toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.children[?(@.code == '370102001002')].newConfirmed").value(1))
                .andExpect(jsonPath("$.children[?(@.code == '370102001002')].suspected").value(0));
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", "370102001002").param("day", today.minusDays(3).toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.node.suspected").value(1)).andExpect(jsonPath("$.node.confirmed").value(0));

        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "370102"));
        mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", "Bearer " + commander)).andExpect(status().isOk());
        postJson(status, commander, "{\"status\":\"DIED\"}").andExpect(status().isForbidden());
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102001002"));
        mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", "Bearer " + worker)).andExpect(status().isForbidden());
        String elsewhere = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", "Bearer " + elsewhere)).andExpect(status().isNotFound());
    }
}
