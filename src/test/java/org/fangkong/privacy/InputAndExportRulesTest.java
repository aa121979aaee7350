package org.fangkong.privacy;

import java.util.List;

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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, items 5 and 16: every export of full identities needs a reason (400 naming
 * {@code reason}, nothing handed out) and its audit row keeps the reason and the row count; a JSON
 * value of the wrong type names its field, an enum lists its values, and enums take any case.
 */
@FangkongTest
class InputAndExportRulesTest {

    static final String VILLAGE = "370102001006";

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
    void everyFullIdentityExportNeedsAReasonAndIsAuditedWithItsRowCount() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String gate = postJson("/api/v1/checkpoints", worker, "{\"jurisdiction\":\"" + VILLAGE + "\",\"name\":\"导出门\",\"kind\":\"GATE\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long checkpoint = ((Number) JsonPath.read(gate, "$.id")).longValue();
        List<String> exports = List.of("/api/v1/residents/export?jurisdiction=" + VILLAGE,
                "/api/v1/outsiders/export?jurisdiction=" + VILLAGE, "/api/v1/checkpoints/" + checkpoint + "/passages/export");
        long before = jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT'").query(Long.class).single();
        for (String url : exports) {
            mvc.perform(get(url).header("Authorization", "Bearer " + worker)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
            mvc.perform(get(url).param("reason", " ").header("Authorization", "Bearer " + worker))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT'").query(Long.class).single())
                .isEqualTo(before);
        for (String url : exports) {
            mvc.perform(get(url).param("reason", "台账存档").header("Authorization", "Bearer " + worker))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where action = 'PII_EXPORT' and reason = '台账存档' and row_count is not null
                          and actor_username is not null
                        """).query(Long.class).single()).isEqualTo(3);
        // the tracing export too
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        postJson("/api/v1/tracing/exposures/export", officer, "{\"phone\":\"13700000001\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aJsonValueOfTheWrongTypeNamesItsFieldAndEnumsTakeAnyCase() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        postJson("/api/v1/venues", officer, "{\"name\":\"小写类型\",\"type\":\"supermarket\",\"jurisdiction\":\"" + VILLAGE + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("SUPERMARKET"));
        postJson("/api/v1/venues", officer, "{\"name\":\"错类型\",\"type\":\"spaceship\",\"jurisdiction\":\"" + VILLAGE + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("SUPERMARKET")));
        postJson("/api/v1/venues", officer, "{\"name\":\"错数字\",\"type\":\"PHARMACY\",\"jurisdiction\":\"" + VILLAGE
                + "\",\"defaultStayMinutes\":\"很久\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("defaultStayMinutes"))
                .andExpect(jsonPath("$.errors[0].message").value("应为数字"));
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        postJson("/api/v1/reports", worker, "{\"unit\":\"" + VILLAGE + "\",\"day\":\"昨天\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        postJson("/api/v1/reports", worker, "{\"unit\":\"" + VILLAGE + "\",\"counts\":{\"newFever\":\"x\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("counts.newFever"));
        // not JSON at all: still a plain 400
        postJson("/api/v1/venues", officer, "{\"name\":").andExpect(status().isBadRequest());
    }
}
