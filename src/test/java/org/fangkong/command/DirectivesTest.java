package org.fangkong.command;

import java.time.Clock;
import java.time.OffsetDateTime;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 指令下达 (issue 17, items 4–5): the province sends a directive to every county; 历下区 signs for it and
 * forwards it to its villages with its own additions; a village signs and answers; the province sees
 * completion down to the villages; the overdue are reminded; a village elsewhere sees nothing.
 */
@FangkongTest
class DirectivesTest {

    static final String VILLAGE = "370102001003";

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

    @Test
    void fromTheProvinceThroughACountyToAVillageAndBack() throws Exception {
        String province = Staff.token(mvc, staff.create(Role.COMMANDER, "37"));
        String county = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String village = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String elsewhere = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370103002001"));
        String deadline = OffsetDateTime.now(clock).plusDays(2).toString();
        long counties = jdbc.sql("select count(*) from jurisdiction where level = 'COUNTY'").query(Long.class).single();
        long villages = jdbc.sql("select count(*) from jurisdiction where level = 'VILLAGE' and code like '370102%'").query(Long.class).single();

        send(province, "/api/v1/directives", "{\"title\":\"x\",\"body\":\"x\",\"deadline\":\"%s\",\"levels\":[\"PROVINCE\"]}".formatted(deadline))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("levels"));
        send(province, "/api/v1/directives", "{\"title\":\"x\",\"body\":\"x\",\"deadline\":\"2020-01-01T00:00:00+08:00\",\"levels\":[\"COUNTY\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));
        long id = ((Number) JsonPath.read(send(province, "/api/v1/directives", """
                {"title":"关于落实分区分级精准防控的通知","body":"各县（市、区）按照县域风险等级调整防控措施。","deadline":"%s",
                 "feedbackRequired":true,"levels":["COUNTY"]}""".formatted(deadline))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.recipients").value(counties))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        mvc.perform(post("/api/v1/directives/" + id + "/attachment").header("Authorization", "Bearer " + province)
                .contentType("application/pdf").content("not a pdf".getBytes())).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/directives/" + id + "/attachment?filename=measures.pdf").header("Authorization", "Bearer " + province)
                .contentType("application/pdf").content("%PDF-1.4\n%%EOF".getBytes())).andExpect(status().isNoContent());

        // the county: in its inbox, signs, forwards to its villages with its additions
        read(county, "/api/v1/directives?open=true").andExpect(jsonPath("$[?(@.directive.id == " + id + ")]").isNotEmpty());
        send(county, "/api/v1/directives/" + id + "/sign", "").andExpect(status().isOk()).andExpect(jsonPath("$.signedBy").isNotEmpty());
        long forwarded = ((Number) JsonPath.read(send(county, "/api/v1/directives/" + id + "/forward",
                "{\"body\":\"各社区 24 小时内完成卡口排查。\",\"levels\":[\"VILLAGE\"]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.parentId").value(id)).andExpect(jsonPath("$.recipients").value(villages))
                .andExpect(jsonPath("$.body").value(org.hamcrest.Matchers.containsString("【历下区补充】各社区 24 小时内完成卡口排查。")))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();

        // a village: signs and answers; the feedback is required; once only
        send(village, "/api/v1/directives/" + forwarded + "/complete", "{\"feedback\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("feedback"));
        send(village, "/api/v1/directives/" + forwarded + "/complete", "{\"feedback\":\"3 个卡口已排查，人员在岗\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.doneAt").isNotEmpty()).andExpect(jsonPath("$.signedAt").isNotEmpty());
        send(village, "/api/v1/directives/" + forwarded + "/complete", "{\"feedback\":\"again\"}").andExpect(status().isConflict());
        mvc.perform(post("/api/v1/directives/" + forwarded + "/feedback-attachment?filename=photos.pdf")
                .header("Authorization", "Bearer " + village).contentType("application/pdf").content("%PDF-1.4\n%%EOF".getBytes()))
                .andExpect(status().isNoContent());
        read(county, "/api/v1/directives/" + forwarded + "/units/" + VILLAGE + "/feedback.pdf").andExpect(status().isOk());
        read(elsewhere, "/api/v1/directives/" + forwarded + "/units/" + VILLAGE + "/feedback.pdf").andExpect(status().isNotFound());
        read(county, "/api/v1/directives/" + forwarded + "/progress?node=370102").andExpect(jsonPath("$.answers[0].feedback").value("3 个卡口已排查，人员在岗"))
                .andExpect(jsonPath("$.answers[0].file").value("photos.pdf"));
        read(elsewhere, "/api/v1/directives/" + forwarded).andExpect(status().isNotFound());
        read(elsewhere, "/api/v1/directives/" + id).andExpect(status().isNotFound());
        send(elsewhere, "/api/v1/directives/" + id + "/sign", "").andExpect(status().isNotFound());

        // the province sees its directive to the villages through the forward
        read(province, "/api/v1/directives/" + id + "/progress?node=37").andExpect(jsonPath("$.level").value("VILLAGE"))
                .andExpect(jsonPath("$.total.units").value(villages)).andExpect(jsonPath("$.total.done").value(1))
                .andExpect(jsonPath("$.children[?(@.code == '3701')].done").value(1));
        read(province, "/api/v1/directives/" + id + "/progress?node=37&level=COUNTY").andExpect(jsonPath("$.total.units").value(counties))
                .andExpect(jsonPath("$.total.signed").value(1)).andExpect(jsonPath("$.total.done").value(0));

        // overdue: reminded, and the units see it on their home page first
        jdbc.sql("update directive set deadline = now() - interval '1 hour' where id in (:a, :b)").param("a", id).param("b", forwarded).update();
        assertThat(((Number) JsonPath.read(send(province, "/api/v1/directives/" + id + "/remind", "").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.reminded")).longValue()).isEqualTo(counties + villages - 1);
        read(county, "/api/v1/directives?open=true").andExpect(jsonPath("$[?(@.directive.id == " + id + ")].overdue").value(true))
                .andExpect(jsonPath("$[?(@.directive.id == " + id + ")].remindedAt").isNotEmpty());
        String home = mvc.perform(get("/").session(Staff.login(mvc, staff.create(Role.OFFICER, "370102")))).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("条指令已逾期未反馈");
    }
}
