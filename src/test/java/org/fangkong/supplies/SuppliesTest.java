package org.fangkong.supplies;

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
 * 物资调拨 (issue 16, items 1–4): the catalogue, holders on the tree, stock moved only as far as it
 * goes, a hospital's request approved in part by its county, a dispatch fulfilling it, the hospital
 * signing for less than was sent (visible to both ends), stock cards and a node's stock per child;
 * another county sees none of it.
 */
@FangkongTest
class SuppliesTest {

    static final String COUNTY = "370103"; // 市中区: no other test keeps stock here

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions read(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    int item(String code) {
        return jdbc.sql("select id from supply_item where code = :c").param("c", code).query(Integer.class).single();
    }

    @Test
    void theCatalogueIsTheProvincesAndSeeded() throws Exception {
        String countyAdmin = Staff.token(mvc, staff.create(Role.ADMIN, COUNTY));
        String provinceAdmin = Staff.token(mvc, staff.create(Role.ADMIN, "37"));
        read(countyAdmin, "/api/v1/supply-items").andExpect(jsonPath("$[0].code").value("SURGICAL_MASK"))
                .andExpect(jsonPath("$[?(@.code == 'NP_AMBULANCE')].unit").value("辆"));
        send(countyAdmin, "/api/v1/supply-items", "{\"code\":\"GOWN\",\"name\":\"隔离衣\",\"category\":\"PROTECTION\",\"unit\":\"件\"}")
                .andExpect(status().isForbidden());
        send(provinceAdmin, "/api/v1/supply-items", "{\"code\":\"GOWN\",\"name\":\"隔离衣\",\"category\":\"PROTECTION\",\"unit\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unit"));
        send(provinceAdmin, "/api/v1/supply-items", "{\"code\":\"gown\",\"name\":\"隔离衣\",\"nameEn\":\"Isolation gowns\",\"category\":\"PROTECTION\",\"unit\":\"件\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("GOWN"));
        send(provinceAdmin, "/api/v1/supply-items", "{\"code\":\"GOWN\",\"name\":\"隔离衣\",\"category\":\"PROTECTION\",\"unit\":\"件\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        // the seeded holders: the province's and every city's reserve, and 黄冈's destinations
        assertThat(jdbc.sql("select count(*) from stock_holder where kind = 'WAREHOUSE' and created_by = 'system'").query(Long.class)
                .single()).isEqualTo(17);
        assertThat(jdbc.sql("select count(*) from stock_holder where kind = 'EXTERNAL' and created_by = 'system'").query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void aHospitalsRequestIsApprovedDispatchedAndSignedFor() throws Exception {
        String county = Staff.token(mvc, staff.create(Role.OFFICER, COUNTY));
        String city = Staff.token(mvc, staff.create(Role.OFFICER, "3701"));
        String otherCounty = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370103002001"));
        int masks = item("SURGICAL_MASK");
        int n95 = item("N95");

        send(county, "/api/v1/stock-holders", "{\"jurisdiction\":\"%s\",\"name\":\"外部\",\"kind\":\"EXTERNAL\"}".formatted(COUNTY))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        long warehouse = id(send(county, "/api/v1/stock-holders",
                "{\"jurisdiction\":\"%s\",\"name\":\"市中区应急物资储备库\",\"kind\":\"WAREHOUSE\"}".formatted(COUNTY))
                .andExpect(status().isCreated()));
        long hospital = id(send(county, "/api/v1/stock-holders",
                "{\"jurisdiction\":\"%s\",\"name\":\"市中区人民医院\",\"kind\":\"HOSPITAL\",\"place\":\"发热门诊\"}".formatted(COUNTY))
                .andExpect(status().isCreated()));
        String moves = "/api/v1/stock-holders/" + warehouse + "/movements";

        // stock moves only as far as it goes; an adjustment says why
        send(county, moves, "{\"item\":%d,\"kind\":\"RECEIPT\",\"quantity\":1000,\"reason\":\"省库调入\"}".formatted(masks))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.balanceAfter").value(1000));
        send(county, moves, "{\"item\":%d,\"kind\":\"CONSUMPTION\",\"quantity\":5000}".formatted(masks))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("现有 1,000")));
        send(county, moves, "{\"item\":%d,\"kind\":\"ADJUSTMENT\",\"quantity\":-10}".formatted(masks))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(county, moves, "{\"item\":%d,\"kind\":\"ADJUSTMENT\",\"quantity\":-10,\"reason\":\"盘点破损\"}".formatted(masks))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.balanceAfter").value(990));
        send(county, moves, "{\"item\":%d,\"kind\":\"RECEIPT\",\"quantity\":200}".formatted(n95)).andExpect(status().isCreated());
        send(worker, moves, "{\"item\":%d,\"kind\":\"RECEIPT\",\"quantity\":1}".formatted(n95)).andExpect(status().isForbidden());

        // the hospital asks its county; the county approves the masks and half the N95
        long request = id(send(county, "/api/v1/supply-requests", """
                {"holder":%d,"urgency":"URGENT","note":"发热门诊三天用量",
                 "lines":[{"item":%d,"quantity":500},{"item":%d,"quantity":100}]}""".formatted(hospital, masks, n95))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.approver").value(COUNTY))
                .andExpect(jsonPath("$.status").value("SUBMITTED")));
        send(county, "/api/v1/supply-requests/" + request + "/approve", "{\"approved\":{\"%d\":150},\"note\":\"N95 先保障一半\"}"
                .formatted(n95)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("approved[" + n95 + "]"));
        send(county, "/api/v1/supply-requests/" + request + "/approve", "{\"approved\":{\"%d\":50},\"note\":\"N95 先保障一半\"}"
                .formatted(n95)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.lines[?(@.itemId == " + masks + ")].approved").value(500))
                .andExpect(jsonPath("$.lines[?(@.itemId == " + n95 + ")].approved").value(50));
        send(county, "/api/v1/supply-requests/" + request + "/approve", "{}").andExpect(status().isConflict());

        // a warehouse asks the level above: the city decides, the county cannot
        long up = id(send(county, "/api/v1/supply-requests", "{\"holder\":%d,\"urgency\":\"CRITICAL\",\"lines\":[{\"item\":%d,\"quantity\":10000}]}"
                .formatted(warehouse, n95)).andExpect(jsonPath("$.approver").value("3701")));
        send(county, "/api/v1/supply-requests/" + up + "/approve", "{}").andExpect(status().isForbidden());
        send(city, "/api/v1/supply-requests/" + up + "/reject", "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(city, "/api/v1/supply-requests/" + up + "/reject", "{\"reason\":\"市库 N95 已调往黄冈\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));

        // the dispatch: more N95 than approved is refused whole, nothing leaves
        String dispatchJson = """
                {"from":%d,"to":%d,"vehicle":"鲁A5Q088","driverName":"李师傅","driverPhone":"13912345678",
                 "lines":[{"item":%d,"quantity":500,"request":%d},{"item":%d,"quantity":%d,"request":%d}]}""";
        send(county, "/api/v1/dispatches", dispatchJson.formatted(warehouse, hospital, masks, request, n95, 60, request))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[1].quantity"));
        read(county, "/api/v1/stock-holders/" + warehouse).andExpect(jsonPath("$.balances[?(@.item.code == 'SURGICAL_MASK')].onHand").value(990));
        String sent = send(county, "/api/v1/dispatches", dispatchJson.formatted(warehouse, hospital, masks, request, n95, 50, request))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("IN_TRANSIT"))
                .andExpect(jsonPath("$.driver").value("李**")).andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.startsWith("DP")))
                .andReturn().getResponse().getContentAsString();
        assertThat(sent).doesNotContain("13912345678").doesNotContain("李师傅");
        long dispatch = ((Number) JsonPath.read(sent, "$.id")).longValue();
        read(county, "/api/v1/supply-requests/" + request).andExpect(jsonPath("$.status").value("FULFILLED"));
        read(county, "/api/v1/stock-holders/" + warehouse)
                .andExpect(jsonPath("$.balances[?(@.item.code == 'SURGICAL_MASK')].onHand").value(490))
                .andExpect(jsonPath("$.balances[?(@.item.code == 'SURGICAL_MASK')].inTransitOut").value(500));

        // another county sees none of it
        read(otherCounty, "/api/v1/stock-holders/" + hospital).andExpect(status().isNotFound());
        read(otherCounty, "/api/v1/dispatches/" + dispatch).andExpect(status().isNotFound());
        read(otherCounty, "/api/v1/supply-requests/" + request).andExpect(status().isNotFound());
        send(otherCounty, "/api/v1/dispatches/" + dispatch + "/receive", "{}").andExpect(status().isNotFound());

        // the hospital signs for 480 masks: 20 short, kept on the line for both ends; once only
        send(county, "/api/v1/dispatches/" + dispatch + "/receive", "{\"received\":{\"%d\":600}}".formatted(masks))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("received[" + masks + "]"));
        send(county, "/api/v1/dispatches/" + dispatch + "/receive", "{\"received\":{\"%d\":480},\"note\":\"一箱外包装破损\"}".formatted(masks))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.discrepancy").value(true))
                .andExpect(jsonPath("$.lines[?(@.itemId == " + masks + ")].shortfall").value(20));
        send(county, "/api/v1/dispatches/" + dispatch + "/receive", "{}").andExpect(status().isConflict());
        read(county, "/api/v1/stock-holders/" + hospital)
                .andExpect(jsonPath("$.balances[?(@.item.code == 'SURGICAL_MASK')].onHand").value(480))
                .andExpect(jsonPath("$.balances[?(@.item.code == 'N95')].onHand").value(50));

        // the warehouse's stock card: every movement, newest first, with its balance
        read(county, moves + "?item=" + masks).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].kind").value("DISPATCH")).andExpect(jsonPath("$.items[0].quantity").value(-500))
                .andExpect(jsonPath("$.items[0].balanceAfter").value(490)).andExpect(jsonPath("$.items[0].counterpart").value("市中区人民医院"))
                .andExpect(jsonPath("$.items[1].balanceAfter").value(990)).andExpect(jsonPath("$.items[2].balanceAfter").value(1000));

        // days of cover: what the hospital uses in a day against what it has; under 3 days it is short
        String hospitalMoves = "/api/v1/stock-holders/" + hospital + "/movements";
        send(county, hospitalMoves, "{\"item\":%d,\"kind\":\"CONSUMPTION\",\"quantity\":300}".formatted(masks)).andExpect(status().isCreated());
        read(county, "/api/v1/stock/shortages?node=" + COUNTY).andExpect(jsonPath("$.length()").value(0));
        read(county, "/api/v1/stock-holders/" + hospital).andExpect(jsonPath("$.cover[?(@.itemId == " + masks + ")].days").value(4.2));
        send(county, hospitalMoves, "{\"item\":%d,\"kind\":\"CONSUMPTION\",\"quantity\":150}".formatted(masks)).andExpect(status().isCreated());
        read(county, "/api/v1/stock/shortages?node=" + COUNTY).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].holderName").value("市中区人民医院")).andExpect(jsonPath("$[0].days").value(0.5))
                .andExpect(jsonPath("$[0].shortage").value(true));
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, COUNTY));
        read(commander, "/api/v1/dashboard?jurisdiction=" + COUNTY)
                .andExpect(jsonPath("$.lines[?(@.messageKey == 'dash.supplyShortages')].args[0]").value(1));
        read(otherCounty, "/api/v1/stock/shortages?node=" + COUNTY).andExpect(status().isNotFound());

        // the county's stock and the city's per child
        read(county, "/api/v1/stock?node=" + COUNTY).andExpect(jsonPath("$.items[?(@.item.code == 'SURGICAL_MASK')].onHand").value(520));
        read(city, "/api/v1/stock?node=3701")
                .andExpect(jsonPath("$.items[?(@.item.code == 'SURGICAL_MASK')].byChild['" + COUNTY + "']").value(520));
    }
}
