package org.fangkong.supplies;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * Paired assistance (issue 16, item 7): a batch of the province's medical team with its members,
 * masked on screen; the roster exported in full only with a reason (audited) and read back; an ICU
 * project moved forward, never back; members' names cleared a year after the team came back.
 */
@FangkongTest
class PairedAssistanceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SupplyRetention retention;
    @Autowired
    Clock clock;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aBatchItsRosterAndAProject() throws Exception {
        String province = Staff.token(mvc, staff.create(Role.OFFICER, "3704"));
        String city = Staff.token(mvc, staff.create(Role.OFFICER, "3702"));
        String team = """
                {"jurisdiction":"3704","batch":7,"name":"枣庄市第七批援助湖北医疗队","destination":"黄冈市中心医院","departedOn":"2020-02-09"}""";
        long id = ((Number) JsonPath.read(send(province, "/api/v1/medical-teams", team).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        send(province, "/api/v1/medical-teams", team).andExpect(status().isConflict());
        String members = "/api/v1/medical-teams/" + id + "/members";
        send(province, members, "{\"name\":\"李建国\",\"phone\":\"13953100002\",\"homeHospital\":\"山东大学齐鲁医院\",\"speciality\":\"CRITICAL_CARE\",\"role\":\"LEADER\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("李**")).andExpect(jsonPath("$.phone").value("139****0002"));
        send(province, members, "{\"name\":\"王芳\",\"homeHospital\":\"山东省立医院\",\"speciality\":\"NURSING\",\"role\":\"NURSE\"}")
                .andExpect(status().isCreated());
        send(province, members, "{\"name\":\"赵\",\"homeHospital\":\"x\",\"speciality\":\"SURGERY\",\"role\":\"NURSE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("speciality"));
        mvc.perform(get("/api/v1/medical-teams/" + id).header("Authorization", "Bearer " + city)).andExpect(status().isNotFound());
        String read = mvc.perform(get("/api/v1/medical-teams/" + id).header("Authorization", "Bearer " + province))
                .andExpect(jsonPath("$.team.members").value(2)).andReturn().getResponse().getContentAsString();
        assertThat(read).doesNotContain("李建国").doesNotContain("13953100002");

        // the roster in full: only with a reason, which the audit log keeps
        send(province, "/api/v1/medical-teams/" + id + "/roster.xlsx", "{\"reason\":\" \"}").andExpect(status().isBadRequest());
        byte[] xlsx = send(province, "/api/v1/medical-teams/" + id + "/roster.xlsx", "{\"reason\":\"返程隔离酒店安排\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCellText(0)).isEqualTo("李建国");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("13953100002");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("重症");
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT' and target like :t and reason = '返程隔离酒店安排'")
                .param("t", "medical-team:" + id + " %").query(Long.class).single()).isEqualTo(1);

        // a project moves forward only
        long project = ((Number) JsonPath.read(send(province, "/api/v1/assistance-projects",
                "{\"jurisdiction\":\"3704\",\"kind\":\"ICU_BEDS\",\"title\":\"黄冈 ICU 病床\",\"destination\":\"大别山区域医疗中心\",\"quantity\":80,\"unit\":\"张\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PLANNED"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        send(province, "/api/v1/assistance-projects/" + project + "/status", "{\"status\":\"INSTALLED\",\"note\":\"2 月 20 日安装完毕\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("INSTALLED"));
        send(province, "/api/v1/assistance-projects/" + project + "/status", "{\"status\":\"SHIPPED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));

        // back, and a year on: names and phones cleared, the masked record stays
        mvc.perform(post("/api/v1/medical-teams/" + id + "/returned?on=2020-03-21").header("Authorization", "Bearer " + province))
                .andExpect(jsonPath("$.returnedOn").value("2020-03-21"));
        retention.purge(clock.instant());
        assertThat(jdbc.sql("select count(*) from team_member where team_id = :t and name_sealed is null and phone_sealed is null")
                .param("t", id).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/api/v1/medical-teams/" + id).header("Authorization", "Bearer " + province))
                .andExpect(jsonPath("$.members[0].name").value("李**"));
    }
}
