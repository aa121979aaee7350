package org.fangkong.masks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pharmacies' fever and cough medicine register (发热咳嗽药品购买登记, issue 14 item 8): the
 * counter records buyers at its own point; each is a follow-up task for the buyer's village (the
 * pharmacy's when unknown), counted in that village's daily report; 济南 suspends the sales and
 * the counter says so and records nothing.
 */
@FangkongTest
class MedicineRegisterTest {

    static final String PHARMACY_VILLAGE = "370102005001";
    static final String BUYER_VILLAGE = "370102005002";

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

    long pharmacy(String officer, String name, Staff.Account counter) throws Exception {
        String point = send(officer, "/api/v1/pickup-points",
                "{\"jurisdiction\":\"" + PHARMACY_VILLAGE + "\",\"name\":\"" + name + "\",\"kind\":\"PHARMACY\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(point, "$.id")).longValue();
        send(officer, "/api/v1/pickup-points/" + id + "/staff", "{\"username\":\"" + counter.username() + "\"}").andExpect(status().isOk());
        return id;
    }

    @Test
    void eachBuyerBecomesTheVillagesFollowUpAndCountsInItsReport() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        Staff.Account counter = staff.create(Role.PICKUP_POINT, PHARMACY_VILLAGE);
        long point = pharmacy(officer, "漱玉平民大药房", counter);
        String pharmacist = Staff.token(mvc, counter);
        String sales = "/api/v1/pickup-points/" + point + "/medicine-sales";

        String sold = send(pharmacist, sales, """
                {"name":"购药甲","phone":"13912349901","idNumber":"","village":"%s","medicine":"布洛芬缓释胶囊",
                 "symptoms":["FEVER","COUGH"],"temperature":"378"}""".formatted(BUYER_VILLAGE))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("购**"))
                .andExpect(jsonPath("$.phone").value("139****9901")).andExpect(jsonPath("$.villageCode").value(BUYER_VILLAGE))
                .andExpect(jsonPath("$.temperature").value(37.8)).andReturn().getResponse().getContentAsString();
        long saleId = ((Number) JsonPath.read(sold, "$.id")).longValue();
        // the buyer did not say where they live: the pharmacy's own community follows up
        send(pharmacist, sales, "{\"name\":\"购药乙\",\"phone\":\"13912349902\",\"medicine\":\"复方甘草片\",\"symptoms\":[\"COUGH\"]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.villageCode").value(PHARMACY_VILLAGE));
        // bad input names its field; nothing is written
        long before = jdbc.sql("select count(*) from medicine_sale where point_id = :p").param("p", point).query(Long.class).single();
        send(pharmacist, sales, "{\"name\":\"购药丙\",\"phone\":\"139\",\"medicine\":\"布洛芬\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));
        send(pharmacist, sales, "{\"name\":\"购药丙\",\"phone\":\"13912349903\",\"medicine\":\"布洛芬\",\"village\":\"370102005\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("village"));
        send(pharmacist, sales, "{\"name\":\"购药丙\",\"phone\":\"13912349903\",\"medicine\":\"布洛芬\",\"symptoms\":[\"HEADACHE\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("symptoms"));
        send(pharmacist, sales, "{\"name\":\"购药丙\",\"phone\":\"13912349903\",\"medicine\":\"布洛芬\",\"temperature\":\"50\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("temperature"));
        assertThat(jdbc.sql("select count(*) from medicine_sale where point_id = :p").param("p", point).query(Long.class).single())
                .isEqualTo(before);
        // sealed at rest: the phone is nowhere in plain text
        assertThat(jdbc.sql("select count(*) from medicine_sale where encode(phone_sealed, 'escape') like '%13912349901%'")
                .query(Long.class).single()).isZero();

        // the buyer's village sees the task; its report prefill counts it; another county sees nothing
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, BUYER_VILLAGE));
        String open = mvc.perform(get("/api/v1/medicine-follow-ups").header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Number>>read(open, "$[*].id")).extracting(Number::longValue).contains(saleId);
        assertThat(JsonPath.<List<String>>read(open, "$[*].villageCode")).containsOnly(BUYER_VILLAGE);
        mvc.perform(get("/api/v1/reports/prefill").param("unit", BUYER_VILLAGE).param("day", ShanghaiTime.today(clock).toString())
                        .header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andExpect(jsonPath("$.feverMedicineBuyers").value(1));
        String far = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370103002001"));
        mvc.perform(get("/api/v1/medicine-follow-ups").header("Authorization", "Bearer " + far))
                .andExpect(jsonPath("$[?(@.id == " + saleId + ")]").isEmpty());
        send(far, "/api/v1/medicine-sales/" + saleId + "/reveal", "{\"reason\":\"随访\"}").andExpect(status().isNotFound());
        send(far, "/api/v1/medicine-sales/" + saleId + "/follow-up", "{\"outcome\":\"WELL\"}").andExpect(status().isNotFound());
        // the pharmacist does not follow up, and a pharmacist of another point does not see this one
        send(pharmacist, "/api/v1/medicine-sales/" + saleId + "/follow-up", "{\"outcome\":\"WELL\"}").andExpect(status().isForbidden());
        String stranger = Staff.token(mvc, staff.create(Role.PICKUP_POINT, PHARMACY_VILLAGE));
        mvc.perform(get(sales).header("Authorization", "Bearer " + stranger)).andExpect(status().isNotFound());

        // the village calls the buyer: a reason, audited
        send(worker, "/api/v1/medicine-sales/" + saleId + "/reveal", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        send(worker, "/api/v1/medicine-sales/" + saleId + "/reveal", "{\"reason\":\"电话随访\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("购药甲")).andExpect(jsonPath("$.phone").value("13912349901"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_REVEAL' and target = :t")
                .param("t", "medicine-sale:" + saleId).query(Long.class).single()).isEqualTo(1);
        send(worker, "/api/v1/medicine-sales/" + saleId + "/follow-up", "{\"outcome\":\"SEEN_DOCTOR\",\"note\":\"已到社区卫生服务中心\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("SEEN_DOCTOR"));
        send(worker, "/api/v1/medicine-sales/" + saleId + "/follow-up", "{\"outcome\":\"WELL\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/medicine-follow-ups").header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$[?(@.id == " + saleId + ")]").isEmpty());

        // the village page lists the open ones, the home page counts them
        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, PHARMACY_VILLAGE));
        assertThat(mvc.perform(get("/medicine").session(session)).andReturn().getResponse().getContentAsString())
                .contains("购**").contains("复方甘草片").contains("待随访");
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString())
                .contains("名药店购药人员待随访");
    }

    @Test
    void aCitySuspendsTheSalesAndItsPharmaciesSaySo() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        Staff.Account counter = staff.create(Role.PICKUP_POINT, PHARMACY_VILLAGE);
        long point = pharmacy(officer, "暂停药房", counter);
        String pharmacist = Staff.token(mvc, counter);
        String sales = "/api/v1/pickup-points/" + point + "/medicine-sales";
        String commander = Staff.token(mvc, staff.create(Role.COMMANDER, "3701"));
        // a county's officer cannot suspend its city (not in their scope), nor suspend a county
        mvc.perform(put("/api/v1/medicine-suspensions/3701").header("Authorization", "Bearer " + officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/medicine-suspensions/370102").header("Authorization", "Bearer " + commander)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("city"));
        try {
            mvc.perform(put("/api/v1/medicine-suspensions/3701").header("Authorization", "Bearer " + commander)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"济南市疫情防控指挥部通告\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.cityName").value("济南市"));
            send(pharmacist, sales, "{\"name\":\"购药丁\",\"phone\":\"13912349904\",\"medicine\":\"布洛芬\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("pointId"));
            var page = Staff.login(mvc, counter);
            String html = mvc.perform(get("/medicine/points/" + point).session(page)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"suspended\"").contains("济南市").doesNotContain("id=\"record-buyer\"");
            mvc.perform(post("/medicine/points/" + point).session(page).with(csrf()).param("name", "购药丁")
                            .param("phone", "13912349904").param("medicine", "布洛芬"))
                    .andExpect(flash().attribute("errorKey", "validation.medicine.suspended"));
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'MEDICINE_SALES_SUSPENDED' and target = 'city:3701'")
                    .query(Long.class).single()).isPositive();
        } finally {
            mvc.perform(delete("/api/v1/medicine-suspensions/3701").header("Authorization", "Bearer " + commander))
                    .andExpect(status().isNoContent());
        }
        var page = Staff.login(mvc, counter);
        mvc.perform(post("/medicine/points/" + point).session(page).with(csrf()).param("name", "购药戊")
                        .param("phone", "13912349905").param("medicine", "布洛芬").param("symptoms", "FEVER", "SORE_THROAT"))
                .andExpect(flash().attribute("notice", "medicine.recorded"));
        assertThat(jdbc.sql("select symptoms::text from medicine_sale where point_id = :p").param("p", point).query(String.class).single())
                .isEqualTo("{FEVER,SORE_THROAT}");
    }

    @Test
    void buyersGoAfterTheRetention(@Autowired UncollectedReservations nightly) throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        Staff.Account counter = staff.create(Role.PICKUP_POINT, PHARMACY_VILLAGE);
        long point = pharmacy(officer, "保留期药房", counter);
        send(Staff.token(mvc, counter), "/api/v1/pickup-points/" + point + "/medicine-sales",
                "{\"name\":\"购药己\",\"phone\":\"13912349906\",\"medicine\":\"布洛芬\"}").andExpect(status().isCreated());
        assertThat(nightly.purgeMedicineSales(clock.instant().plus(Duration.ofDays(27)))).isZero();
        assertThat(nightly.purgeMedicineSales(clock.instant().plus(Duration.ofDays(29)))).isPositive();
        assertThat(jdbc.sql("select count(*) from medicine_sale where point_id = :p").param("p", point).query(Long.class).single()).isZero();
    }
}
