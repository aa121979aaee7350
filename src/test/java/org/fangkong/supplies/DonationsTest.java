package org.fangkong.supplies;

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
 * Donations (issue 16, item 6): money and goods received by 青岛, allocated to 团风 never beyond what
 * is left (goods by a dispatch order), and the accountability report read back from its PDF: what
 * came in, where it went, what is left, the anonymous donor unnamed.
 */
@FangkongTest
class DonationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void donationsAreAllocatedNoFurtherThanWhatIsLeftAndPublished() throws Exception {
        String city = Staff.token(mvc, staff.create(Role.OFFICER, "3702"));
        String otherCity = Staff.token(mvc, staff.create(Role.OFFICER, "3703"));
        long reserve = jdbc.sql("select id from stock_holder where name = '青岛市应急物资储备库'").query(Long.class).single();
        long tuanfeng = jdbc.sql("select id from stock_holder where name = '团风县（黄冈）'").query(Long.class).single();
        int n95 = jdbc.sql("select id from supply_item where code = 'N95'").query(Integer.class).single();

        send(city, "/api/v1/donations", "{\"jurisdiction\":\"3702\",\"donor\":\"青岛某公司\",\"kind\":\"MONEY\",\"amount\":-5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        long money = ((Number) JsonPath.read(send(city, "/api/v1/donations",
                "{\"jurisdiction\":\"3702\",\"donor\":\"青岛某啤酒公司\",\"kind\":\"MONEY\",\"amount\":1000000,\"receivedOn\":\"2020-02-01\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        long goods = ((Number) JsonPath.read(send(city, "/api/v1/donations", """
                {"jurisdiction":"3702","donor":"王某某","anonymous":true,"kind":"GOODS","holder":%d,"item":%d,"quantity":50000,
                 "receivedOn":"2020-02-02"}""".formatted(reserve, n95))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.publicDonor").value("爱心人士"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();

        send(city, "/api/v1/donations/" + money + "/allocations", "{\"to\":%d,\"amount\":300000,\"purpose\":\"采购防护服\"}".formatted(tuanfeng))
                .andExpect(status().isCreated());
        send(city, "/api/v1/donations/" + money + "/allocations", "{\"to\":%d,\"amount\":800000}".formatted(tuanfeng))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        send(city, "/api/v1/donations/" + goods + "/allocations", "{\"to\":%d,\"quantity\":20000,\"purpose\":\"支援黄冈\"}".formatted(tuanfeng))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.dispatchNumber").value(org.hamcrest.Matchers.startsWith("DP")));
        send(city, "/api/v1/donations/" + goods + "/allocations", "{\"to\":%d,\"quantity\":40000}".formatted(tuanfeng))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        assertThat(jdbc.sql("select on_hand from stock_balance where holder_id = :h and item_id = :i").param("h", reserve)
                .param("i", n95).query(Long.class).single()).isEqualTo(30000);
        mvc.perform(get("/api/v1/donations/" + money).header("Authorization", "Bearer " + otherCity)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/donations?node=3702").header("Authorization", "Bearer " + city))
                .andExpect(jsonPath("$.moneyIn").value(1000000.00)).andExpect(jsonPath("$.moneyLeft").value(700000.00))
                .andExpect(jsonPath("$.goods[0].left").value(30000));

        byte[] pdf = mvc.perform(get("/api/v1/donations/report.pdf?node=3702").header("Authorization", "Bearer " + city))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("青岛市捐赠款物接收和使用情况公示").contains("青岛某啤酒公司").contains("爱心人士")
                    .contains("团风县（黄冈）").contains("700000.00").contains("采购防护服").doesNotContain("王某某");
        }
    }
}
