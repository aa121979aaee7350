package org.fangkong.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
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
 * Clusters: suggested when two confirmed cases of one household are confirmed within 14 days,
 * recorded by an officer; a fever under observation sent to the clinic opens a suspected case, and
 * the household turns red.
 */
@FangkongTest
class ClustersTest {

    static final String VILLAGE = "370102004008";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String id(int seq) {
        String first17 = "370102" + "19600101" + String.format("%03d", seq);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void aHouseholdWithTwoConfirmedCasesIsSuggestedAndRecordedAsACluster() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        long household = id(postJson("/api/v1/households", officer, "{\"jurisdiction\":\"%s\",\"address\":\"聚集 1 号\"}".formatted(VILLAGE))
                .andReturn().getResponse().getContentAsString());
        String[] ids = {id(801), id(802), id(803)};
        for (int i = 0; i < 2; i++) {
            postJson("/api/v1/households/" + household + "/residents", officer, """
                    {"name":"聚%s","idNumber":"%s","relation":"%s","residence":"REGISTERED"}""".formatted(i, ids[i], i == 0 ? "HEAD" : "SPOUSE"))
                    .andExpect(status().isCreated());
        }
        long first = id(postJson("/api/v1/cases", officer, """
                {"name":"聚0","idNumber":"%s","status":"CONFIRMED","jurisdiction":"%s","confirmedOn":"%s","reportedOn":"%s"}"""
                .formatted(ids[0], VILLAGE, today.minusDays(10), today.minusDays(10))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        long second = id(postJson("/api/v1/cases", officer, """
                {"name":"聚1","idNumber":"%s","status":"CONFIRMED","jurisdiction":"%s","confirmedOn":"%s","reportedOn":"%s"}"""
                .formatted(ids[1], VILLAGE, today.minusDays(2), today.minusDays(2))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        long farApart = id(postJson("/api/v1/cases", officer, """
                {"name":"远2","idNumber":"%s","status":"CONFIRMED","jurisdiction":"%s","confirmedOn":"%s","reportedOn":"%s"}"""
                .formatted(ids[2], VILLAGE, today.minusDays(25), today.minusDays(25))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());

        String suggestions = mvc.perform(get("/api/v1/clusters/suggestions").header("Authorization", "Bearer " + officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<List<Integer>>>read(suggestions, "$[?(@.householdId == %d)].caseIds".formatted(household)))
                .containsExactly(List.of((int) first, (int) second));

        postJson("/api/v1/clusters", officer, "{\"setting\":\"FAMILY\",\"name\":\"某家庭聚集\",\"jurisdiction\":\"%s\",\"caseIds\":[%d,%d]}"
                .formatted(VILLAGE, first, farApart))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("caseIds"));
        postJson("/api/v1/clusters", officer, "{\"setting\":\"FAMILY\",\"name\":\"某家庭聚集\",\"jurisdiction\":\"%s\",\"caseIds\":[%d]}"
                .formatted(VILLAGE, first)).andExpect(status().isBadRequest());
        postJson("/api/v1/clusters", officer, "{\"setting\":\"FAMILY\",\"name\":\"某家庭聚集\",\"jurisdiction\":\"%s\",\"caseIds\":[%d,%d]}"
                .formatted(VILLAGE, first, second))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.firstCaseOn").value(today.minusDays(10).toString()))
                .andExpect(jsonPath("$.caseIds.length()").value(2));
        String after = mvc.perform(get("/api/v1/clusters/suggestions").header("Authorization", "Bearer " + officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(after, "$[?(@.householdId == %d)]".formatted(household))).isEmpty();
    }

    @Test
    void aFeverSentToTheClinicOpensASuspectedCaseAndTheHouseholdTurnsRed() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        String person = id(811);
        long household = id(postJson("/api/v1/households", officer, "{\"jurisdiction\":\"%s\",\"address\":\"送诊 2 号\"}".formatted(VILLAGE))
                .andReturn().getResponse().getContentAsString());
        postJson("/api/v1/households/" + household + "/residents", officer, """
                {"name":"送诊","idNumber":"%s","relation":"HEAD","residence":"REGISTERED"}""".formatted(person))
                .andExpect(status().isCreated());
        long order = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer, """
                {"name":"送诊","idNumber":"%s","reason":"OFFICER","anchorDate":"%s","jurisdiction":"%s"}"""
                .formatted(person, today.minusDays(3), VILLAGE)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        postJson("/api/v1/observation-orders/" + order + "/readings", officer, "{\"half\":\"MORNING\",\"temperature\":38.4}")
                .andExpect(status().isCreated());
        long alert = jdbc.sql("select id from observation_alert where order_id = :o").param("o", order).query(Long.class).single();
        postJson("/api/v1/observation-alerts/" + alert + "/outcome", officer, "{\"outcome\":\"FEVER_CLINIC\",\"suspectedCase\":true}")
                .andExpect(status().isOk());

        assertThat(jdbc.sql("select status || ':' || observation_order_id from case_record where observation_order_id = :o")
                .param("o", order).query(String.class).single()).isEqualTo("SUSPECTED:" + order);
        // the order ended (transferred), but the suspected case keeps the household red
        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String html = mvc.perform(get("/households").session(session)).andReturn().getResponse().getContentAsString();
        String tile = html.substring(html.indexOf("id=\"household-" + household + "\""));
        assertThat(tile.substring(0, tile.indexOf("</a>"))).contains("data-status=\"RED\"");
    }

    @Autowired
    Venues venues;
    @Autowired
    CheckinFixtures checkins;

    @Test
    void twoConfirmedCasesAtTheSameVenueAtTheSameTimeAreSuggested() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        var admin = new Actor(0, "clusters-test", "测试", Role.ADMIN, "37", "37");
        var venue = venues.byCode(venues.create(new VenueForm("聚集饭店", VenueType.RESTAURANT,
                VILLAGE, "", 60), admin).code()).orElseThrow();
        Instant noon = today.minusDays(5).atTime(12, 0).atZone(ShanghaiTime.ZONE).toInstant();
        checkins.record(venue, "13600000901", noon);
        checkins.record(venue, "13600000902", noon.plusSeconds(20 * 60));
        long[] ids = new long[2];
        for (int i = 0; i < 2; i++) {
            ids[i] = id(postJson("/api/v1/cases", officer, """
                    {"name":"饭%s","phone":"1360000090%d","status":"CONFIRMED","jurisdiction":"%s","confirmedOn":"%s","reportedOn":"%s"}"""
                    .formatted(i, i + 1, VILLAGE, today.minusDays(3 - i), today.minusDays(3 - i))).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString());
        }
        String suggestions = mvc.perform(get("/api/v1/clusters/suggestions").header("Authorization", "Bearer " + officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<List<Integer>>>read(suggestions, "$[?(@.venueId == %d)].caseIds".formatted(venue.id())))
                .containsExactly(List.of((int) ids[0], (int) ids[1]));
    }
}
