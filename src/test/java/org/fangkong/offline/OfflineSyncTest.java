package org.fangkong.offline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.Checkpoint;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.IdNumbers;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Entries made offline reach their ledgers exactly once, at the time they were made: a batch sent
 * twice writes nothing the second time and answers the first results; a reading for an order
 * released meanwhile is a conflict with what happened; a revoked phone's next sync is refused.
 */
@FangkongTest
class OfflineSyncTest {

    static final String VILLAGE = "370102007002";
    static final Actor ADMIN = new Actor(0, "offline-sync", "测试", Role.ADMIN, "37", "37");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    PassageLog passages;
    @Autowired
    ObservationOrders orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ResidentLedger residents;
    @Autowired
    OfflineRetention retention;

    static String id(int seq) {
        return IdNumbers.of("370102", "19700101", seq);
    }

    long order(String name, int seq) {
        return orders.open(new ObservationOrders.OrderForm(name, id(seq), null, "CLOSE_CONTACT", "离线测试",
                ShanghaiTime.today(Clock.systemUTC()).minusDays(3), VILLAGE, null, "离线巷 1 号", "网格员", "村医"), ADMIN)
                .order().id();
    }

    static String entry(String key, String kind, Instant at, String payload) {
        return "{\"key\":\"" + key + "\",\"kind\":\"" + kind + "\",\"enteredAt\":\"" + at + "\",\"payload\":" + payload + "}";
    }

    @Test
    void aBatchIsAppliedOnceAtItsOwnTimesAndASecondSendingWritesNothing() throws Exception {
        Checkpoint gate = passages.createCheckpoint(VILLAGE, "离线东门", "GATE", "东门", ADMIN);
        long order = order("离线甲", 701);
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // yesterday 20:00 Shanghai: an evening reading of yesterday, made without signal and sent today
        LocalDate yesterday = ShanghaiTime.today(Clock.systemUTC()).minusDays(1);
        Instant lastEvening = ShanghaiTime.startOf(yesterday).plus(20, ChronoUnit.HOURS);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(entry(UUID.randomUUID().toString(), "passage", now.minus(30 - i, ChronoUnit.MINUTES),
                    "{\"checkpoint\":" + gate.id() + ",\"direction\":\"IN\",\"name\":\"访客" + i + "\",\"phone\":\"1391234560" + i
                            + "\",\"temperature\":\"36." + i + "\"}"));
        }
        entries.add(entry(UUID.randomUUID().toString(), "reading", lastEvening, "{\"order\":" + order + ",\"temperature\":\"365\"}"));
        entries.add(entry(UUID.randomUUID().toString(), "passage", now.minus(5, ChronoUnit.MINUTES),
                "{\"checkpoint\":" + gate.id() + ",\"direction\":\"IN\",\"name\":\"发热者\",\"phone\":\"13912345699\",\"temperature\":\"38.2\"}"));
        String batch = "{\"entries\":[" + String.join(",", entries) + "]}";

        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(7))
                .andExpect(jsonPath("$.results[0].outcome").value("STORED"))
                .andExpect(jsonPath("$.results[0].replayed").value(false))
                .andExpect(jsonPath("$.results[5].message", containsString("：体温 36.5 ℃ 已记录")))
                .andExpect(jsonPath("$.results[6].message").value("离线东门：体温 38.2 ℃，发热，已拒绝进入并通知乡镇"));
        assertThat(count("select count(*) from passage where checkpoint_id = " + gate.id())).isEqualTo(6);
        // the reading counts for yesterday evening, when it was taken
        assertThat(jdbc.sql("select day::text || ' ' || half from observation_reading where order_id = :o")
                .param("o", order).query(String.class).single()).isEqualTo(yesterday + " EVENING");
        // a passage keeps the moment it was entered at the gate
        assertThat(jdbc.sql("select min(at) from passage where checkpoint_id = :c").param("c", gate.id())
                .query(Timestamp.class).single().toInstant()).isEqualTo(now.minus(30, ChronoUnit.MINUTES));

        // the answer was lost, the phone sends the same batch again: nothing is written twice
        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].outcome").value("STORED"))
                .andExpect(jsonPath("$.results[0].replayed").value(true))
                .andExpect(jsonPath("$.results[6].replayed").value(true));
        assertThat(count("select count(*) from passage where checkpoint_id = " + gate.id())).isEqualTo(6);
        assertThat(count("select count(*) from observation_reading where order_id = " + order)).isEqualTo(1);
    }

    @Test
    void aReadingForAnOrderReleasedMeanwhileIsAConflictAndIsKeptAsSuch() throws Exception {
        long order = order("离线乙", 702);
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        jdbc.sql("update observation_order set status = 'RELEASED' where id = :o").param("o", order).update();
        String key = UUID.randomUUID().toString();
        String batch = "{\"entries\":[" + entry(key, "reading", Instant.now().minus(1, ChronoUnit.HOURS),
                "{\"order\":" + order + ",\"temperature\":\"36.6\"}") + ","
                + entry("not-a-key", "reading", Instant.now(), "{}") + ","
                + entry(UUID.randomUUID().toString(), "passage", Instant.now().minus(20, ChronoUnit.DAYS), "{}") + "]}";
        for (boolean again : new boolean[] {false, true}) {
            mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                            .contentType(MediaType.APPLICATION_JSON).content(batch))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results[0].outcome").value("CONFLICT"))
                    .andExpect(jsonPath("$.results[0].replayed").value(again))
                    .andExpect(jsonPath("$.results[0].message", containsString("的居家观察已解除或转出，这次体温没有记录")))
                    .andExpect(jsonPath("$.results[1].outcome").value("REJECTED"))
                    .andExpect(jsonPath("$.results[1].field").value("key"))
                    .andExpect(jsonPath("$.results[2].outcome").value("REJECTED"))
                    .andExpect(jsonPath("$.results[2].field").value("enteredAt"));
        }
        assertThat(count("select count(*) from observation_reading where order_id = " + order)).isZero();
        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"entries\":[]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("entries"));
    }

    @Test
    void aZeroReportMadeBeforeTheDeadlineIsOnTimeWhenSentAfterIt() throws Exception {
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102009001"));
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        // made at 08:00 today for yesterday (due 10:00 today), reaches the server whenever the signal is back
        Instant made = ShanghaiTime.startOf(today).plus(8, ChronoUnit.HOURS);
        if (made.isAfter(Instant.now())) {
            made = ShanghaiTime.startOf(today.minusDays(1)).plus(8, ChronoUnit.HOURS);
        }
        LocalDate day = ShanghaiTime.dayOf(made).minusDays(1);
        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\":[" + entry(UUID.randomUUID().toString(), "zeroReport", made, "{}") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].outcome").value("STORED"))
                .andExpect(jsonPath("$.results[0].message").value(day + " 的零报告已上报"));
        assertThat(jdbc.sql("select late from daily_report where unit_code = '370102009001' and day = :d and current")
                .param("d", day).query(Boolean.class).single()).isFalse();
    }

    @Test
    void aPhoneWhoseSessionsWereEndedIsRefusedAndThePageSessionToo() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        var session = Staff.login(mvc, worker);
        String token = Staff.token(mvc, worker);
        var officer = Staff.login(mvc, staff.create(Role.OFFICER, "370102"));
        mvc.perform(post("/users/" + worker.id() + "/sessions/end").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String batch = "{\"entries\":[" + entry(UUID.randomUUID().toString(), "zeroReport", Instant.now(), "{}") + "]}";
        mvc.perform(post("/offline/sync").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from audit_entry where action = 'USER_SESSIONS_ENDED' and target = 'user:"
                + worker.username() + "'")).isEqualTo(1);
    }

    @Test
    void aResidentAddedOfflineJoinsTheHouseholdAndAHouseholdOutOfReachIsAConflict() throws Exception {
        long household = residents.createHousehold(VILLAGE, "离线楼", "离线巷 2 号", ADMIN).id();
        long elsewhere = residents.createHousehold("370203005004", "别处楼", "别处 1 号", ADMIN).id();
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String batch = "{\"entries\":[" + entry(UUID.randomUUID().toString(), "resident", Instant.now().minus(2, ChronoUnit.HOURS),
                "{\"household\":" + household + ",\"name\":\"离线新成员\",\"idNumber\":\"" + id(703) + "\",\"relation\":\"CHILD\"}")
                + "," + entry(UUID.randomUUID().toString(), "resident", Instant.now().minus(1, ChronoUnit.HOURS),
                "{\"household\":" + elsewhere + ",\"name\":\"不该写入\",\"idNumber\":\"" + id(704) + "\"}") + "]}";
        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].outcome").value("STORED"))
                .andExpect(jsonPath("$.results[0].message").value("离线巷 2 号：新成员已登记"))
                .andExpect(jsonPath("$.results[1].outcome").value("CONFLICT"))
                .andExpect(jsonPath("$.results[1].message").value("要登记的对象已不存在或不在您的辖区，这条记录没有保存"));
        assertThat(count("select count(*) from resident where household_id = " + household + " and relation = 'CHILD'")).isEqualTo(1);
        assertThat(count("select count(*) from resident where household_id = " + elsewhere)).isZero();
    }

    @Test
    void aHandOutSignedOffAtTheDoorKeepsItsMomentAndASecondOneIsAConflict() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String cadre = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        long household = residents.createHousehold(VILLAGE, "代购楼", "代购巷 9 号", ADMIN).id();
        long point = idOf(api(officer, "/api/v1/supply-points", """
                {"jurisdiction":"%s","name":"离线便民店","kind":"SUPERMARKET","categories":["VEGETABLES"]}""".formatted(VILLAGE)));
        long batch = idOf(api(cadre, "/api/v1/proxy-batches", "{\"point\":%d}".formatted(point)));
        long order = idOf(api(cadre, "/api/v1/proxy-batches/" + batch + "/orders",
                "{\"household\":%d,\"lines\":[{\"item\":\"白菜\",\"quantity\":2,\"unit\":\"斤\"}],\"amount\":8}".formatted(household)));
        api(cadre, "/api/v1/proxy-batches/" + batch + "/send", "");
        api(cadre, "/api/v1/proxy-batches/" + batch + "/delivered", "");
        Instant atTheDoor = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String batchJson = "{\"entries\":[" + entry(UUID.randomUUID().toString(), "handOut", atTheDoor,
                "{\"order\":" + order + ",\"paid\":\"8\"}") + "," + entry(UUID.randomUUID().toString(), "handOut",
                atTheDoor.plus(5, ChronoUnit.MINUTES), "{\"order\":" + order + ",\"paid\":\"8\"}") + "]}";
        mvc.perform(post("/api/v1/offline-entries").header("Authorization", Staff.bearer(cadre))
                        .contentType(MediaType.APPLICATION_JSON).content(batchJson))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].outcome").value("STORED"))
                .andExpect(jsonPath("$.results[0].message").value("代购楼 代购巷 9 号：已签收"))
                .andExpect(jsonPath("$.results[1].outcome").value("CONFLICT"));
        assertThat(jdbc.sql("select handed_at from proxy_order where id = :o").param("o", order)
                .query(Timestamp.class).single().toInstant()).isEqualTo(atTheDoor);
    }

    @Test
    void keysAndAnswersAreKeptThirtyDays() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID k : List.of(old, recent)) {
            jdbc.sql("""
                    insert into offline_entry (entry_key, staff_user, kind, entered_at, received_at, outcome, result)
                    values (:k, :u, 'zeroReport', now() - interval '40 days', now() - cast(:age as interval), 'STORED', '{}')
                    """).param("k", k).param("u", worker.id()).param("age", k == old ? "31 days" : "29 days").update();
        }
        retention.purge(Instant.now());
        assertThat(count("select count(*) from offline_entry where entry_key = '" + old + "'")).isZero();
        assertThat(count("select count(*) from offline_entry where entry_key = '" + recent + "'")).isEqualTo(1);
    }

    String api(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", Staff.bearer(token)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    static long idOf(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
