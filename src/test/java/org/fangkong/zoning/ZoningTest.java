package org.fangkong.zoning;

import java.time.LocalDate;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Counties of 淄博市 graded on 2020-03-20 from the case registry: "within 14 days" is D−13 … D for
 * new cases and for clusters; cumulative 50 and 51; no cases at all.
 */
@FangkongTest
class ZoningTest {

    static final LocalDate D = LocalDate.of(2020, 3, 20);

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    String officer;

    void confirmed(String county, LocalDate day, int n) throws Exception {
        mvc.perform(post("/api/v1/cases/counts").header("Authorization", "Bearer " + officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jurisdiction\":\"%s\",\"day\":\"%s\",\"status\":\"CONFIRMED\",\"count\":%d}".formatted(county, day, n)))
                .andExpect(status().isOk());
    }

    void cluster(String county, LocalDate day) throws Exception {
        List<Long> two = jdbc.sql("select id from case_record where jurisdiction_code = :c and confirmed_on = :d order by id limit 2")
                .param("c", county).param("d", day).query(Long.class).list();
        mvc.perform(post("/api/v1/clusters").header("Authorization", "Bearer " + officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"setting\":\"WORKPLACE\",\"name\":\"%s 聚集\",\"jurisdiction\":\"%s\",\"caseIds\":[%d,%d]}"
                                .formatted(county, county, two.get(0), two.get(1))))
                .andExpect(status().isCreated());
    }

    @Test
    void everyBoundaryOfThe2020Rule() throws Exception {
        officer = Staff.token(mvc, staff.create(Role.OFFICER, "3703"));
        confirmed("370302", D.minusDays(14), 1);                                   // last new case 14 days ago
        confirmed("370303", D.minusDays(13), 1);                                   // ... 13 days ago
        confirmed("370304", D.minusDays(10), 50);                                  // cumulative 50, cluster
        cluster("370304", D.minusDays(10));
        confirmed("370305", D.minusDays(10), 51);                                  // cumulative 51, cluster
        cluster("370305", D.minusDays(10));
        confirmed("370321", D.minusDays(10), 51);                                  // 51, no cluster
        confirmed("370322", D.minusDays(14), 2);                                   // cluster 14 days ago
        cluster("370322", D.minusDays(14));
        confirmed("370322", D.minusDays(5), 49);
        confirmed("370323", D.minusDays(13), 2);                                   // cluster 13 days ago
        cluster("370323", D.minusDays(13));
        confirmed("370323", D.minusDays(5), 49);

        String levels = mvc.perform(get("/api/v1/zoning/levels").param("jurisdiction", "3703").param("day", D.toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(level(levels, "370306")).as("no cases at all").isEqualTo("LOW");
        assertThat(level(levels, "370302")).as("last new case exactly 14 days ago").isEqualTo("LOW");
        assertThat(level(levels, "370303")).as("last new case 13 days ago").isEqualTo("MEDIUM");
        assertThat(level(levels, "370304")).as("cumulative 50 with a cluster").isEqualTo("MEDIUM");
        assertThat(level(levels, "370305")).as("cumulative 51 with a cluster").isEqualTo("HIGH");
        assertThat(level(levels, "370321")).as("cumulative 51, no cluster").isEqualTo("MEDIUM");
        assertThat(level(levels, "370322")).as("the cluster 14 days ago").isEqualTo("MEDIUM");
        assertThat(level(levels, "370323")).as("the cluster 13 days ago").isEqualTo("HIGH");
        assertThat(JsonPath.<List<Integer>>read(levels, "$[?(@.code == '370305')].facts.cumulativeConfirmed")).containsExactly(51);

        // the cluster 14 days ago: a day earlier it was within the window; the 2021 rule grades by recent cases alone
        String dayBefore = mvc.perform(get("/api/v1/zoning/levels").param("jurisdiction", "3703").param("day", D.minusDays(1).toString())
                        .header("Authorization", "Bearer " + officer)).andReturn().getResponse().getContentAsString();
        assertThat(level(dayBefore, "370322")).isEqualTo("HIGH");
        String community = mvc.perform(get("/api/v1/zoning/levels").param("jurisdiction", "3703").param("day", D.toString())
                        .param("rules", "community-2021").header("Authorization", "Bearer " + officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(level(community, "370303")).isEqualTo("MEDIUM");
        assertThat(level(community, "370321")).isEqualTo("HIGH");
        mvc.perform(get("/api/v1/zoning/levels").param("rules", "made-up").header("Authorization", "Bearer " + officer))
                .andExpect(status().isBadRequest());

        // history: the cluster 14 days ago drops out of the window on D
        String history = mvc.perform(get("/api/v1/zoning/history").param("county", "370322").param("from", D.minusDays(2).toString())
                        .param("to", D.toString()).header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(history, "$[*].level")).containsExactly("HIGH", "HIGH", "MEDIUM");

        // a commander overrides with a reason, audited; the computed level stays beside it; an officer may not
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "3703"));
        String body = "{\"county\":\"370303\",\"level\":\"HIGH\",\"from\":\"%s\",\"reason\":%s}";
        mvc.perform(post("/api/v1/zoning/overrides").header("Authorization", "Bearer " + officer).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(D, "\"会商决定\""))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/zoning/overrides").header("Authorization", "Bearer " + commander).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(D, "\" \""))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/zoning/overrides").header("Authorization", "Bearer " + commander).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(D, "\"输入病例多，会商决定\""))).andExpect(status().isNoContent());
        String overridden = mvc.perform(get("/api/v1/zoning/levels").param("jurisdiction", "370303").param("day", D.toString())
                .header("Authorization", "Bearer " + commander)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(overridden, "$[0].level")).isEqualTo("HIGH");
        assertThat(JsonPath.<String>read(overridden, "$[0].computed")).isEqualTo("MEDIUM");
        assertThat(JsonPath.<String>read(overridden, "$[0].overrideReason")).isEqualTo("输入病例多，会商决定");
        assertThat(level(mvc.perform(get("/api/v1/zoning/levels").param("jurisdiction", "3703").param("day", D.minusDays(1).toString())
                .header("Authorization", "Bearer " + commander)).andReturn().getResponse().getContentAsString(), "370303"))
                .isEqualTo("MEDIUM");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ZONING_OVERRIDE' and reason = '输入病例多，会商决定'")
                .query(Long.class).single()).isEqualTo(1);
        // handed back to the rule set the next day
        mvc.perform(post("/api/v1/zoning/overrides").header("Authorization", "Bearer " + commander).contentType(MediaType.APPLICATION_JSON)
                .content("{\"county\":\"370303\",\"from\":\"%s\",\"reason\":\"恢复按规则\"}".formatted(D.plusDays(1))))
                .andExpect(status().isNoContent());
        String next = mvc.perform(get("/api/v1/zoning/levels").param("jurisdiction", "370303").param("day", D.plusDays(1).toString())
                .header("Authorization", "Bearer " + commander)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(next, "$[0].level")).isEqualTo(JsonPath.<String>read(next, "$[0].computed"));
    }

    static String level(String json, String code) {
        return JsonPath.<List<String>>read(json, "$[?(@.code == '%s')].level".formatted(code)).get(0);
    }

    @Test
    void aCommanderOverridesOnThePageAndIsToldWhatIsMissing() throws Exception {
        var commander = Staff.login(mvc, staff.create(Role.COMMANDER, "3704"));
        mvc.perform(post("/zoning/overrides").session(commander).with(csrf()).param("county", "370402").param("level", "HIGH")
                        .param("from", D.toString()).param("reason", "").param("jurisdiction", "3704"))
                .andExpect(redirectedUrl("/zoning?jurisdiction=3704"))
                .andExpect(flash().attribute("errorField", "reason")).andExpect(flash().attribute("errorCounty", "370402"));
        mvc.perform(post("/zoning/overrides").session(commander).with(csrf()).param("county", "370402").param("level", "HIGH")
                        .param("from", "2020-02-31").param("reason", "会商决定").param("jurisdiction", "3704"))
                .andExpect(flash().attribute("errorKey", "typeMismatch.java.time.LocalDate"));
        mvc.perform(post("/zoning/overrides").session(commander).with(csrf()).param("county", "370402").param("level", "HIGH")
                        .param("from", D.toString()).param("reason", "会商决定").param("jurisdiction", "3704"))
                .andExpect(redirectedUrl("/zoning?jurisdiction=3704")).andExpect(flash().attribute("notice", "zoning.overridden"));
        assertThat(jdbc.sql("select count(*) from zoning_override where county_code = '370402' and reason = '会商决定'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
