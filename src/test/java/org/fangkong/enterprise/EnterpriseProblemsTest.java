package org.fangkong.enterprise;

import java.time.Clock;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 企业诉求 (issue 15, item 5): the county's task force holds a new problem with a deadline; it
 * replies, escalates it to the city, whose task force resolves it; the county can no longer act on
 * it; overdue problems are listed per level; the enterprise sees every step.
 */
@FangkongTest
class EnterpriseProblemsTest {

    static final String VILLAGE = "370102005002";

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
    void theCountyRepliesEscalatesAndTheCityResolves() throws Exception {
        String county = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String city = Staff.token(mvc, staff.create(Role.OFFICER, "3701"));
        String otherCounty = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        Staff.Account own = staff.create(Role.ENTERPRISE, VILLAGE);
        String ownToken = Staff.token(mvc, own);
        String body = send(county, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"泉城纺织","division":"17","jurisdiction":"%s","staffTotal":300}"""
                .formatted(EnterpriseResumptionTest.newCreditCode(), VILLAGE)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long enterprise = ((Number) JsonPath.read(body, "$.id")).longValue();
        send(county, "/api/v1/enterprises/" + enterprise + "/accounts", "{\"username\":\"" + own.username() + "\"}").andExpect(status().isOk());

        send(ownToken, "/api/v1/enterprises/" + enterprise + "/problems", "{\"kind\":\"WEATHER\",\"description\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        send(ownToken, "/api/v1/enterprises/" + enterprise + "/problems", "{\"kind\":\"MATERIALS\",\"description\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));
        String raised = send(ownToken, "/api/v1/enterprises/" + enterprise + "/problems",
                "{\"kind\":\"MATERIALS\",\"description\":\"熔喷布断供，需协调 2 吨\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.heldBy").value("370102"))
                .andExpect(jsonPath("$.dueOn").value(ShanghaiTime.today(clock).plusDays(3).toString()))
                .andExpect(jsonPath("$.status").value("OPEN")).andReturn().getResponse().getContentAsString();
        long problem = ((Number) JsonPath.read(raised, "$.id")).longValue();

        // another county sees nothing of it; the city sees it but does not hold it yet
        read(otherCounty, "/api/v1/problems/" + problem).andExpect(status().isNotFound());
        send(otherCounty, "/api/v1/problems/" + problem + "/resolve", "{\"text\":\"x\"}").andExpect(status().isNotFound());
        read(county, "/api/v1/problems?node=370102").andExpect(jsonPath("$.items[?(@.id == " + problem + ")]").isNotEmpty());
        send(county, "/api/v1/problems/" + problem + "/replies", "{\"text\":\"已联系本区供应商，货源不足\"}").andExpect(status().isOk());
        send(county, "/api/v1/problems/" + problem + "/escalate", "{\"text\":\"区内无法解决，请市专班协调\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.heldBy").value("3701"));
        // now the city's task force holds it: the county may no longer answer for it
        send(county, "/api/v1/problems/" + problem + "/resolve", "{\"text\":\"x\"}").andExpect(status().isForbidden());
        read(city, "/api/v1/problems?node=3701&below=false").andExpect(jsonPath("$.items[?(@.id == " + problem + ")]").isNotEmpty());

        // overdue: a deadline passed is listed at the level that holds it
        jdbc.sql("update enterprise_problem set due_on = current_date - 2 where id = :id").param("id", problem).update();
        read(city, "/api/v1/problems?node=3701&overdue=true").andExpect(jsonPath("$.items[?(@.id == " + problem + ")].overdue").value(true));

        send(city, "/api/v1/problems/" + problem + "/resolve", "{\"text\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("resolution"));
        send(city, "/api/v1/problems/" + problem + "/resolve", "{\"text\":\"市专班协调淄博企业调拨 2 吨\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        send(city, "/api/v1/problems/" + problem + "/replies", "{\"text\":\"x\"}").andExpect(status().isConflict());

        // the enterprise sees the whole story
        read(ownToken, "/api/v1/problems/" + problem).andExpect(jsonPath("$.problem.status").value("RESOLVED"))
                .andExpect(jsonPath("$.problem.resolution").value("市专班协调淄博企业调拨 2 吨"))
                .andExpect(jsonPath("$.replies.length()").value(2)).andExpect(jsonPath("$.replies[1].escalatedTo").value("3701"));
        read(ownToken, "/api/v1/enterprises/" + enterprise + "/problems").andExpect(jsonPath("$[0].id").value(problem));
    }
}
