package org.fangkong.supplies;

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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Key producers (issue 16, item 5): the county binds 日照三奇's account; the producer reports its
 * day's output and capacity, which enters its stock; a correction moves the difference; another
 * enterprise account sees nothing of it.
 */
@FangkongTest
class ProducerOutputTest {

    static final String COUNTY = "371102"; // 日照市东港区

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
    void theProducersOutputEntersItsStock() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, COUNTY));
        Staff.Account sanqi = staff.create(Role.ENTERPRISE, COUNTY);
        String sanqiToken = Staff.token(mvc, sanqi);
        String stranger = Staff.token(mvc, staff.create(Role.ENTERPRISE, COUNTY));
        int masks = jdbc.sql("select id from supply_item where code = 'SURGICAL_MASK'").query(Integer.class).single();
        long producer = ((Number) JsonPath.read(send(officer, "/api/v1/stock-holders",
                "{\"jurisdiction\":\"%s\",\"name\":\"日照某医用口罩厂\",\"kind\":\"PRODUCER\"}".formatted(COUNTY))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        String url = "/api/v1/stock-holders/" + producer + "/output";

        // not bound yet: the account sees nothing
        send(sanqiToken, url, "{\"item\":%d,\"quantity\":1}".formatted(masks)).andExpect(status().isNotFound());
        send(officer, "/api/v1/stock-holders/" + producer + "/accounts", "{\"username\":\"nobody\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
        send(officer, "/api/v1/stock-holders/" + producer + "/accounts", "{\"username\":\"" + sanqi.username() + "\"}")
                .andExpect(status().isNoContent());

        send(sanqiToken, url, "{\"item\":%d,\"quantity\":800000,\"capacity\":1000000}".formatted(masks))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.quantity").value(800000));
        send(sanqiToken, url, "{\"item\":%d,\"quantity\":5,\"day\":\"%s\"}".formatted(masks, ShanghaiTime.today(clock).plusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        read(officer, "/api/v1/stock-holders/" + producer)
                .andExpect(jsonPath("$.balances[?(@.item.code == 'SURGICAL_MASK')].onHand").value(800000));
        // corrected: the difference leaves as an adjustment
        send(sanqiToken, url, "{\"item\":%d,\"quantity\":750000,\"capacity\":1000000}".formatted(masks)).andExpect(status().isCreated());
        read(officer, "/api/v1/stock-holders/" + producer)
                .andExpect(jsonPath("$.balances[?(@.item.code == 'SURGICAL_MASK')].onHand").value(750000));
        read(sanqiToken, url).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].quantity").value(750000))
                .andExpect(jsonPath("$[0].capacity").value(1000000));
        read(stranger, url).andExpect(status().isNotFound());
        read(sanqiToken, "/api/v1/stock-holders/" + producer).andExpect(status().isForbidden());

        // the producer's own page
        MockHttpSession session = Staff.login(mvc, sanqi);
        mvc.perform(get("/supplies/production").session(session)).andExpect(redirectedUrl("/supplies/producers/" + producer));
        String page = mvc.perform(get("/supplies/producers/" + producer).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("日照某医用口罩厂").contains("750,000").contains("1,000,000");
        assertThat(mvc.perform(get("/supplies/production").session(Staff.login(mvc, staff.create(Role.ENTERPRISE, COUNTY))))
                .andReturn().getResponse().getContentAsString()).contains("还没有绑定");
    }
}
