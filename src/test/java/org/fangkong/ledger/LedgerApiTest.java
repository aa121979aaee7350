package org.fangkong.ledger;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Households, residents, checkpoints, passages with fever alerts, and person merges over the API. */
@FangkongTest
@RecordApplicationEvents
class LedgerApiTest {

    static final String VILLAGE = "370102001002";
    static final String OTHER_VILLAGE = "370102002002";
    static final String TOWNSHIP = "370102001";
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    /** A valid ID number of someone born on {@code birth}; odd sequence = male. */
    static String idNumber(LocalDate birth, boolean male) {
        int seq = SEQ.getAndAdd(2) % 998 + (male ? 1 : 0);
        String first17 = "370102" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String phone() {
        return "139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    String token(Role role, String scope) throws Exception {
        return Staff.token(mvc, staff.create(role, scope));
    }

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long household(String token, String village, String address) throws Exception {
        String body = postJson("/api/v1/households", token,
                "{\"jurisdiction\":\"" + village + "\",\"building\":\"3号楼\",\"address\":\"" + address + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aGridWorkerKeepsTheResidentLedgerOfTheirVillageOnly() throws Exception {
        String worker = token(Role.GRID_WORKER, VILLAGE);
        long h = household(worker, VILLAGE, "1单元101");
        LocalDate birth = ShanghaiTime.today(Clock.systemUTC()).minusYears(40).minusDays(3);
        String id = idNumber(birth, true);
        String phone = phone();
        String body = postJson("/api/v1/households/" + h + "/residents", worker,
                "{\"name\":\"张伟\",\"idNumber\":\"" + id.toLowerCase() + "\",\"phone\":\"" + phone + "\",\"relation\":\"HEAD\","
                        + "\"residence\":\"REGISTERED\",\"fromKeyArea\":true,\"leftKeyAreaOn\":\"2020-01-22\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("张*"))
                .andExpect(jsonPath("$.sex").value("M"))
                .andExpect(jsonPath("$.age").value(40))
                .andExpect(jsonPath("$.health").value("HEALTHY"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(id).doesNotContain(phone).contains("****");
        long residentId = ((Number) JsonPath.read(body, "$.id")).longValue();

        // bad rows are refused with the field named, and nothing is written
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        String badId = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        postJson("/api/v1/households/" + h + "/residents", worker,
                "{\"name\":\"李娜\",\"idNumber\":\"" + badId + "\",\"relation\":\"SPOUSE\",\"residence\":\"LIVING\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("idNumber"));
        postJson("/api/v1/households/" + h + "/residents", worker,
                "{\"name\":\"李娜\",\"phone\":\"" + phone() + "\",\"relation\":\"NEPHEW\",\"residence\":\"LIVING\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("relation"));
        postJson("/api/v1/households/" + h + "/residents", worker,
                "{\"name\":\"李娜\",\"relation\":\"SPOUSE\",\"residence\":\"LIVING\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("idNumber"));
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
        // the same person twice in one household is a conflict
        postJson("/api/v1/households/" + h + "/residents", worker,
                "{\"name\":\"张伟\",\"idNumber\":\"" + id + "\",\"relation\":\"HEAD\",\"residence\":\"REGISTERED\"}")
                .andExpect(status().isConflict());

        // found by ID number, phone and exact name within scope
        for (String q : new String[] {id, phone, "张 伟"}) {
            mvc.perform(get("/api/v1/residents").param("q", q).header("Authorization", "Bearer " + worker))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(residentId));
        }
        // ...but not by a grid worker of another village, who cannot see the household either
        String stranger = token(Role.GRID_WORKER, OTHER_VILLAGE);
        mvc.perform(get("/api/v1/residents").param("q", id).header("Authorization", "Bearer " + stranger))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/households/" + h).header("Authorization", "Bearer " + stranger)).andExpect(status().isNotFound());
        postJson("/api/v1/households", stranger, "{\"jurisdiction\":\"" + VILLAGE + "\",\"address\":\"2号\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("jurisdiction"));
        // at the gate a resident is found by ID card alone, and counted as a resident
        long gate = ((Number) JsonPath.read(postJson("/api/v1/checkpoints", worker,
                "{\"jurisdiction\":\"" + VILLAGE + "\",\"name\":\"北口\",\"kind\":\"ROAD\"}").andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        postJson("/api/v1/checkpoints/" + gate + "/passages", worker,
                "{\"direction\":\"IN\",\"idNumber\":\"" + id + "\",\"temperature\":36.4}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("张*"))
                .andExpect(jsonPath("$.resident").value(true));
        postJson("/api/v1/checkpoints/" + gate + "/passages", worker,
                "{\"direction\":\"IN\",\"phone\":\"" + phone() + "\",\"temperature\":36.4}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));

        // a commander may read, not write
        postJson("/api/v1/households", token(Role.COMMANDER, "37"), "{\"jurisdiction\":\"" + VILLAGE + "\",\"address\":\"2号\"}")
                .andExpect(status().isForbidden());

        // the full identity needs a reason, and is audited
        postJson("/api/v1/residents/" + residentId + "/reveal", worker, "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        postJson("/api/v1/residents/" + residentId + "/reveal", worker, "{\"reason\":\"核对身份\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(id))
                .andExpect(jsonPath("$.phone").value(phone)).andExpect(jsonPath("$.name").value("张伟"));
        postJson("/api/v1/residents/" + residentId + "/reveal", stranger, "{\"reason\":\"好奇\"}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_REVEAL' and target = :t and reason = '核对身份'")
                .param("t", "person:" + JsonPath.read(body, "$.personId")).query(Long.class).single()).isEqualTo(1);

        mvc.perform(put("/api/v1/residents/" + residentId).header("Authorization", "Bearer " + worker)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relation\":\"HEAD\",\"residence\":\"REGISTERED\",\"health\":\"FEVER\",\"fromKeyArea\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.health").value("FEVER"));
        postJson("/api/v1/residents/" + residentId + "/move-out", worker, "{\"on\":\"2020-03-01\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.movedOutOn").value("2020-03-01"));
        postJson("/api/v1/residents/" + residentId + "/move-out", worker, "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("movedOutOn"));
        mvc.perform(get("/api/v1/households/" + h).header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$.members").value(0));
    }

    @Test
    void aFeverOnEntryIsRefusedAndAlertsTheTownship() throws Exception {
        String worker = token(Role.GRID_WORKER, VILLAGE);
        String checkpoint = postJson("/api/v1/checkpoints", worker,
                "{\"jurisdiction\":\"" + VILLAGE + "\",\"name\":\"东路口\",\"kind\":\"ROAD\",\"location\":\"村东\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long c = ((Number) JsonPath.read(checkpoint, "$.id")).longValue();
        String url = "/api/v1/checkpoints/" + c + "/passages";

        postJson(url, worker, "{\"direction\":\"IN\",\"name\":\"王芳\",\"phone\":\"" + phone() + "\",\"temperature\":36.6,"
                + "\"origin\":\"历城区\",\"plate\":\"鲁a12345\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.refused").value(false))
                .andExpect(jsonPath("$.plate").value("鲁A12345")).andExpect(jsonPath("$.alertId").isEmpty());
        // leaving with a fever is recorded, not refused
        postJson(url, worker, "{\"direction\":\"OUT\",\"name\":\"王芳\",\"phone\":\"" + phone() + "\",\"temperature\":37.5}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.refused").value(false));
        String fever = postJson(url, worker, "{\"direction\":\"IN\",\"name\":\"赵磊\",\"idNumber\":\""
                        + idNumber(LocalDate.of(1985, 5, 5), true) + "\",\"temperature\":37.3,\"origin\":\"武汉市\",\"host\":\"赵家\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.refused").value(true))
                .andReturn().getResponse().getContentAsString();
        long alertId = ((Number) JsonPath.read(fever, "$.alertId")).longValue();
        postJson(url, worker, "{\"direction\":\"IN\",\"name\":\"赵磊\",\"phone\":\"" + phone() + "\",\"temperature\":52}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("temperature"));

        // the township officer sees it on the alert list; another township does not
        String township = token(Role.OFFICER, TOWNSHIP);
        mvc.perform(get("/api/v1/checkpoint-alerts").header("Authorization", "Bearer " + township))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + alertId + ")].checkpointName").value("东路口"))
                .andExpect(jsonPath("$[?(@.id == " + alertId + ")].name").value("赵*"))
                .andExpect(jsonPath("$[?(@.id == " + alertId + ")].jurisdictionCode").value(VILLAGE))
                .andExpect(jsonPath("$[?(@.id == " + alertId + ")].temperature").value(37.3));
        mvc.perform(get("/api/v1/checkpoint-alerts").header("Authorization", "Bearer " + token(Role.OFFICER, "370102002")))
                .andExpect(jsonPath("$[?(@.id == " + alertId + ")]").isEmpty());
        mvc.perform(get(url).header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$.length()").value(3)).andExpect(jsonPath("$[2].refused").value(true));
        // the day's log as xlsx, read back with the library that wrote it
        byte[] xlsx = mvc.perform(get("/api/v1/checkpoints/" + c + "/passages.xlsx").header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var rows = wb.getFirstSheet().openStream()) {
            var all = rows.toList();
            assertThat(wb.getFirstSheet().getName()).isEqualTo("卡口登记台账");
            assertThat(all).hasSize(4);
            assertThat(all.get(0).getCellText(0)).isEqualTo("时间");
            assertThat(all.get(3).getCellText(2)).isEqualTo("赵*");
            assertThat(all.get(3).getCellText(11)).isEqualTo("禁止进入");
            assertThat(all.get(1).getCellText(9)).isEqualTo("鲁A12345");
        }
        // the day's sheet prints the same rows, masked, with the refusal
        byte[] pdf = mvc.perform(get("/api/v1/checkpoints/" + c + "/passages.pdf").header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("卡口登记台账").contains("东路口").contains("共 3 人次").contains("赵*")
                    .contains("禁止进入").contains("37.3").contains("鲁A12345").doesNotContain("武汉市赵");
        }

        postJson("/api/v1/checkpoint-alerts/" + alertId + "/handle", township, "{\"note\":\"已送发热门诊\"}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/checkpoint-alerts").header("Authorization", "Bearer " + township))
                .andExpect(jsonPath("$[?(@.id == " + alertId + ")]").isEmpty());
        assertThat(jdbc.sql("select reason from audit_entry where action = 'CHECKPOINT_ALERT_HANDLED' and target = :t")
                .param("t", "checkpoint-alert:" + alertId).query(String.class).single()).isEqualTo("已送发热门诊");
    }

    @Test
    void twoRecordsOfOnePersonAreMergedWithAReasonAndAnAuditRow() throws Exception {
        String worker = token(Role.GRID_WORKER, VILLAGE);
        long h = household(worker, VILLAGE, "5号院");
        String phone = phone();
        String id = idNumber(LocalDate.of(1990, 2, 2), false);
        long byPhone = ((Number) JsonPath.read(postJson("/api/v1/households/" + h + "/residents", worker,
                        "{\"name\":\"刘洋\",\"phone\":\"" + phone + "\",\"relation\":\"HEAD\",\"residence\":\"LIVING\"}")
                .andReturn().getResponse().getContentAsString(), "$.personId")).longValue();
        // the same person by ID number and another phone, at a checkpoint: a second record
        long c = ((Number) JsonPath.read(postJson("/api/v1/checkpoints", worker,
                "{\"jurisdiction\":\"" + VILLAGE + "\",\"name\":\"西门\",\"kind\":\"GATE\"}").andReturn().getResponse()
                .getContentAsString(), "$.id")).longValue();
        long byId = ((Number) JsonPath.read(postJson("/api/v1/checkpoints/" + c + "/passages", worker,
                "{\"direction\":\"IN\",\"name\":\"刘洋\",\"idNumber\":\"" + id + "\",\"temperature\":36.5}")
                .andReturn().getResponse().getContentAsString(), "$.personId")).longValue();
        assertThat(byId).isNotEqualTo(byPhone);

        String officer = token(Role.OFFICER, TOWNSHIP);
        postJson("/api/v1/persons/merge", officer, "{\"kept\":" + byPhone + ",\"merged\":" + byId + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        postJson("/api/v1/persons/merge", worker, "{\"kept\":" + byPhone + ",\"merged\":" + byId + ",\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        postJson("/api/v1/persons/merge", officer, "{\"kept\":" + byPhone + ",\"merged\":" + byId + ",\"reason\":\"同一人\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kept").value(byPhone)).andExpect(jsonPath("$.merged").value(byId));
        // the kept person took the ID number it lacked (the registry links; screens show each row's own record)
        assertThat(jdbc.sql("select sex from person where id = :p").param("p", byPhone).query(String.class).single())
                .isEqualTo("F");
        assertThat(jdbc.sql("select count(*) from passage where person_id = :p").param("p", byPhone).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select merged_into from person where id = :p").param("p", byId).query(Long.class).single())
                .isEqualTo(byPhone);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PERSON_MERGE' and reason = '同一人'")
                .query(Long.class).single()).isEqualTo(1);
        // the ID number now finds the kept record, as a resident of the household
        mvc.perform(get("/api/v1/residents").param("q", id).header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$[0].personId").value(byPhone));
    }
}
