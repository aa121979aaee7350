package org.fangkong.ledger;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Outsiders and passages are masked until revealed: a reason is required, scope holds, each reveal is audited. */
@FangkongTest
class LedgerRevealTest {

    static final String VILLAGE = "370102002008";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    long reveals(String target) {
        return jdbc.sql("select count(*) from audit_entry where action = 'PII_REVEAL' and target = :t")
                .param("t", target).query(Long.class).single();
    }

    @Test
    void outsidersAndPassagesAreRevealedWithAReasonAndAudited() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        String token = Staff.token(mvc, worker);
        String id = LedgerApiTest.idNumber(LocalDate.of(1988, 4, 2), true);
        String phone = LedgerApiTest.phone();
        String outsider = mvc.perform(post("/api/v1/outsiders").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"jurisdiction":"%s","name":"欧阳明","idNumber":"%s","phone":"%s","origin":"湖北省武汉市",
                                 "arrivedOn":"%s","address":"千佛山 8 号"}""".formatted(VILLAGE, id, phone, LocalDate.now().minusDays(1))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.idNumber").value(Matchers.not(id)))
                .andReturn().getResponse().getContentAsString();
        long outsiderId = ((Number) JsonPath.read(outsider, "$.id")).longValue();
        long personId = ((Number) JsonPath.read(outsider, "$.personId")).longValue();

        mvc.perform(post("/api/v1/outsiders/" + outsiderId + "/reveal").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/outsiders/" + outsiderId + "/reveal").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"电话随访\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("欧阳明"))
                .andExpect(jsonPath("$.idNumber").value(id)).andExpect(jsonPath("$.phone").value(phone));
        assertThat(reveals("person:" + personId)).isEqualTo(1);

        // a worker of another village does not see the outsider at all
        String other = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102002009"));
        mvc.perform(post("/api/v1/outsiders/" + outsiderId + "/reveal").header("Authorization", "Bearer " + other)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"好奇\"}"))
                .andExpect(status().isNotFound());

        // the same person passes a checkpoint: the passage is masked, revealed with a reason
        String checkpoint = mvc.perform(post("/api/v1/checkpoints").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"%s\",\"name\":\"千佛山南卡口\",\"kind\":\"ROAD\"}".formatted(VILLAGE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long checkpointId = ((Number) JsonPath.read(checkpoint, "$.id")).longValue();
        String passage = mvc.perform(post("/api/v1/checkpoints/" + checkpointId + "/passages")
                        .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\":\"OUT\",\"phone\":\"%s\",\"temperature\":36.5}".formatted(phone)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.phone").value(Matchers.not(phone)))
                .andReturn().getResponse().getContentAsString();
        long passageId = ((Number) JsonPath.read(passage, "$.id")).longValue();
        mvc.perform(post("/api/v1/passages/" + passageId + "/reveal").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对出行\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(id));
        assertThat(reveals("person:" + personId)).isEqualTo(2);
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "370102"));
        mvc.perform(post("/api/v1/passages/" + passageId + "/reveal").header("Authorization", "Bearer " + commander)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"查看\"}"))
                .andExpect(status().isForbidden());

        // on the outsider page: the full values once, after a reason
        MockHttpSession session = Staff.login(mvc, worker);
        mvc.perform(post("/outsiders/" + outsiderId + "/reveal").param("reason", "上门核实").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/outsiders").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("欧阳明 " + id + " " + phone);
        assertThat(reveals("person:" + personId)).isEqualTo(3);
        assertThat(mvc.perform(get("/outsiders").session(session)).andReturn().getResponse().getContentAsString())
                .doesNotContain(id);
    }
}
