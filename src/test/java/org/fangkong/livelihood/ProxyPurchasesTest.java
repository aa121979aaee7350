package org.fangkong.livelihood;

import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * 代购 (issue 17, items 2–3): a village's cadre gathers two households' orders into a batch, sends it
 * to a supply point, reads the picking list back from its PDF (summed by item, bagged by household),
 * marks it delivered and hands out with sign-offs and payments; a household's history; another
 * county sees nothing.
 */
@FangkongTest
class ProxyPurchasesTest {

    static final String VILLAGE = "370303001002";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LivelihoodRetention retention;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void fromTheHouseholdsOrdersToTheHandOut() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370303"));
        String cadre = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String elsewhere = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102001002"));
        long a = id(send(officer, "/api/v1/households", "{\"jurisdiction\":\"%s\",\"address\":\"稻田 3 号\"}".formatted(VILLAGE)));
        long b = id(send(officer, "/api/v1/households", "{\"jurisdiction\":\"%s\",\"address\":\"稻田 7 号\"}".formatted(VILLAGE)));
        long point = id(send(officer, "/api/v1/supply-points", """
                {"jurisdiction":"%s","name":"稻田镇惠民超市","kind":"SUPERMARKET","categories":["VEGETABLES","GRAIN_OIL"]}"""
                .formatted(VILLAGE)));

        long batch = id(send(cadre, "/api/v1/proxy-batches", "{\"point\":%d}".formatted(point)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.villageCode").value(VILLAGE)));
        String orders = "/api/v1/proxy-batches/" + batch + "/orders";
        send(cadre, orders, "{\"household\":%d,\"lines\":[]}".formatted(a))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines"));
        send(cadre, orders, """
                {"household":%d,"lines":[{"item":"白菜","quantity":2,"unit":"斤"},{"item":"鸡蛋","quantity":1,"unit":"盒"}],
                 "amount":23.5,"note":"老人独居"}""".formatted(a)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.doorstep").value(false)).andExpect(jsonPath("$.owed").value(23.5));
        send(cadre, orders, "{\"household\":%d,\"lines\":[{\"item\":\"白菜\",\"quantity\":3,\"unit\":\"斤\"}],\"amount\":9}".formatted(b))
                .andExpect(status().isCreated());
        send(cadre, orders, "{\"household\":%d,\"lines\":[{\"item\":\"米\",\"quantity\":1,\"unit\":\"袋\"}]}".formatted(b))
                .andExpect(status().isConflict());
        send(elsewhere, orders, "{\"household\":%d,\"lines\":[{\"item\":\"米\",\"quantity\":1,\"unit\":\"袋\"}]}".formatted(b))
                .andExpect(status().isNotFound());

        send(cadre, "/api/v1/proxy-batches/" + batch + "/delivered", "").andExpect(status().isConflict());
        send(cadre, "/api/v1/proxy-batches/" + batch + "/send", "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SENT"));
        send(cadre, orders, "{\"household\":%d,\"lines\":[{\"item\":\"米\",\"quantity\":1,\"unit\":\"袋\"}]}".formatted(b))
                .andExpect(status().isConflict());
        byte[] pdf = mvc.perform(get("/api/v1/proxy-batches/" + batch + "/picking.pdf").header("Authorization", "Bearer " + cadre))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("代购配货单").contains("稻田镇惠民超市").contains("白菜（斤）").contains("稻田 3 号").contains("稻田 7 号");
            assertThat(text.replaceAll("\\s+", " ")).contains("白菜（斤） 5");
        }

        send(cadre, "/api/v1/proxy-batches/" + batch + "/delivered", "").andExpect(status().isOk());
        String batchJson = mvc.perform(get("/api/v1/proxy-batches/" + batch).header("Authorization", "Bearer " + cadre))
                .andReturn().getResponse().getContentAsString();
        long orderA = JsonPath.<List<Number>>read(batchJson, "$.orders[?(@.householdId == " + a + ")].id").get(0).longValue();
        long orderB = JsonPath.<List<Number>>read(batchJson, "$.orders[?(@.householdId == " + b + ")].id").get(0).longValue();
        send(cadre, "/api/v1/proxy-orders/" + orderA + "/hand-out", "{\"received\":true,\"paid\":23.5}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.owed").value(0)).andExpect(jsonPath("$.received").value(true));
        send(cadre, "/api/v1/proxy-orders/" + orderA + "/hand-out", "{\"received\":true}").andExpect(status().isConflict());
        send(cadre, "/api/v1/proxy-orders/" + orderB + "/hand-out", "{\"received\":false,\"paid\":0,\"note\":\"家中无人，明日再送\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.owed").value(9));
        send(cadre, "/api/v1/proxy-orders/" + orderB + "/payment", "{\"paid\":9}").andExpect(jsonPath("$.owed").value(0));
        mvc.perform(get("/api/v1/households/" + a + "/proxy-orders").header("Authorization", "Bearer " + cadre))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].lines.length()").value(2));
        mvc.perform(get("/api/v1/proxy-batches/" + batch).header("Authorization", "Bearer " + elsewhere)).andExpect(status().isNotFound());

        // a year after delivery the households' orders go, and the empty batch with them
        jdbc.sql("update proxy_batch set delivered_at = delivered_at - interval '400 days' where id = :b").param("b", batch).update();
        assertThat(retention.purge(Instant.now())).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from proxy_batch where id = :b").param("b", batch).query(Long.class).single()).isZero();
    }
}
