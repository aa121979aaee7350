package org.fangkong.observation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fangkong.common.IdCardNumber;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * docs/rules.md "Home medical observation": an order opens from a key-area arrival and by an officer,
 * days count from the anchor, a fever escalates at once and reaches the township, the outcome
 * ends the escalation; the person's own link shows only their order and takes today's reading.
 */
@FangkongTest
class ObservationTest {

    static final String VILLAGE = "370102003007";
    static final String TOWNSHIP = "370102003";
    private static int seq = 500;

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    static String id() {
        String first17 = "370102" + LocalDate.of(1981, 3, 1).plusDays(seq++).toString().replace("-", "") + "771";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    LocalDate today() {
        return ShanghaiTime.today(Clock.systemUTC());
    }

    @Test
    void arrivalsFromAKeyAreaAreObservedAndAFeverReachesTheTownship() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String wuhanId = id();
        postJson("/api/v1/outsiders", worker, """
                {"jurisdiction":"%s","name":"江城","idNumber":"%s","origin":"湖北省武汉市","originCode":"420100",
                 "arrivedOn":"%s","leftKeyAreaOn":"%s","address":"观察 1 号"}"""
                .formatted(VILLAGE, wuhanId, today().minusDays(2), today().minusDays(3))).andExpect(status().isCreated());
        postJson("/api/v1/outsiders", worker, """
                {"jurisdiction":"%s","name":"泉城","idNumber":"%s","origin":"济南市历城区","arrivedOn":"%s","address":"观察 2 号"}"""
                .formatted(VILLAGE, id(), today().minusDays(1))).andExpect(status().isCreated());

        String list = mvc.perform(get("/api/v1/observation-orders").param("jurisdiction", VILLAGE)
                        .header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // only the arrival from 武汉 is under observation (the other test's orders share this village)
        assertThat(JsonPath.<List<String>>read(list, "$[*].name")).contains("江*").doesNotContain("泉*");
        String wuhan = "$[?(@.name == '江*')]";
        assertThat(JsonPath.<List<String>>read(list, wuhan + ".reason")).containsExactly("KEY_AREA_ARRIVAL");
        assertThat(JsonPath.<List<String>>read(list, wuhan + ".anchorDate")).containsExactly(today().minusDays(3).toString());
        assertThat(JsonPath.<List<Integer>>read(list, wuhan + ".day")).containsExactly(3);
        long order = JsonPath.<List<Number>>read(list, wuhan + ".id").get(0).longValue();

        String readings = "/api/v1/observation-orders/" + order + "/readings";
        postJson(readings, worker, "{\"half\":\"MORNING\",\"temperature\":36.5}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.alarming").value(false));
        postJson(readings, worker, "{\"half\":\"MORNING\",\"temperature\":36.6}").andExpect(status().isConflict());
        postJson(readings, worker, "{\"half\":\"EVENING\",\"temperature\":35}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.alarming").value(false));
        postJson(readings, worker, "{\"day\":\"%s\",\"half\":\"MORNING\",\"temperature\":36.4}".formatted(today().plusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        postJson(readings, worker, "{\"day\":\"%s\",\"half\":\"EVENING\",\"temperature\":37.3,\"symptoms\":[\"COUGH\"]}"
                        .formatted(today().minusDays(1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.alarming").value(true));
        mvc.perform(get("/api/v1/observation-orders/" + order).header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$.status").value("ESCALATED")).andExpect(jsonPath("$.morningDone").value(true));

        // the grid worker's home page says so at once
        var home = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        assertThat(mvc.perform(get("/").session(home)).andReturn().getResponse().getContentAsString())
                .contains("名居家观察人员发热或有症状，等待处置");
        // the township's list: the fever with its symptom; ruled out by an officer, audited
        String alerts = mvc.perform(get("/api/v1/observation-alerts").header("Authorization", "Bearer " + officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(alerts, "$[?(@.orderId == %d)]".formatted(order))).hasSize(1);
        long alert = ((Number) JsonPath.<List<Object>>read(alerts, "$[?(@.orderId == %d)].id".formatted(order)).get(0)).longValue();
        postJson("/api/v1/observation-alerts/" + alert + "/outcome", worker, "{\"outcome\":\"RULED_OUT\"}")
                .andExpect(status().isForbidden());
        postJson("/api/v1/observation-alerts/" + alert + "/outcome", officer, "{\"outcome\":\"SENT_HOME\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        postJson("/api/v1/observation-alerts/" + alert + "/outcome", officer, "{\"outcome\":\"RULED_OUT\",\"note\":\"复测正常\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("RULED_OUT"));
        mvc.perform(get("/api/v1/observation-orders/" + order).header("Authorization", "Bearer " + worker))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OBSERVATION_ALERT_HANDLED' and target = :t")
                .param("t", "observation-alert:" + alert).query(Long.class).single()).isEqualTo(1);

        // another village's grid worker sees nothing of it
        String other = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102003008"));
        mvc.perform(get("/api/v1/observation-orders/" + order).header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOfficerOpensAnOrderAndThePersonReportsThroughTheirLink() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String personId = id();
        String body = """
                {"name":"密接甲","idNumber":"%s","reason":"CLOSE_CONTACT","reasonDetail":"病例 12 的同事",
                 "anchorDate":"%s","jurisdiction":"%s","address":"观察 9 号","gridWorker":"李网格","villageDoctor":"王村医"}"""
                .formatted(personId, today().minusDays(1), VILLAGE);
        String opened = postJson("/api/v1/observation-orders", officer, body)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.order.day").value(1))
                .andExpect(jsonPath("$.order.name").value("密**")).andReturn().getResponse().getContentAsString();
        postJson("/api/v1/observation-orders", officer, body).andExpect(status().isConflict());
        postJson("/api/v1/observation-orders", officer, body.replace(today().minusDays(1).toString(), today().plusDays(1).toString())
                .replace(personId, id())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("anchorDate"));
        String link = JsonPath.read(opened, "$.link");
        String path = link.substring(link.indexOf("/o/"));
        assertThat(path.length()).isGreaterThan(30);

        String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("密** · 第 1 天（共 14 天）").doesNotContain(personId);
        mvc.perform(post(path).param("temperature", "29")).andExpect(status().isBadRequest());
        mvc.perform(post(path).param("temperature", "365")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).contains("已登记");
        mvc.perform(post(path).param("temperature", "36.6")).andExpect(status().isBadRequest());
        long order = ((Number) JsonPath.read(opened, "$.order.id")).longValue();
        assertThat(jdbc.sql("select temperature::text || via from observation_reading where order_id = :o")
                .param("o", order).query(String.class).single()).isEqualTo("36.5LINK");

        // a new link replaces the old one; a made-up link is a 404 page
        postJson("/api/v1/observation-orders/" + order + "/link", officer, "{}").andExpect(status().isOk());
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/o/not-a-real-link-but-long-enough-1234")).andExpect(status().isNotFound());
    }

    @Test
    void afterFourteenFullDaysTheOrderIsReleasedAndTheNoticePrinted() throws Exception {
        String place = "370102003010";
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String done = id();
        String form = """
                {"name":"%s","idNumber":"%s","reason":"OFFICER","anchorDate":"%s","jurisdiction":"%s","address":"解除 %s 号"}""";
        long over = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer,
                form.formatted("期满人", done, today().minusDays(15), place, 1)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        long running = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer,
                form.formatted("未满人", id(), today().minusDays(14), place, 2)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        long feverish = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer,
                form.formatted("发热人", id(), today().minusDays(20), place, 3)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        postJson("/api/v1/observation-orders/" + feverish + "/readings", officer,
                "{\"day\":\"%s\",\"half\":\"MORNING\",\"temperature\":38.0}".formatted(today().minusDays(7)))
                .andExpect(jsonPath("$.alarming").value(true));

        // the day's figures of the village: three under observation, one escalation today, still open
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", place).header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.node.underObservation").value(3)).andExpect(jsonPath("$.node.newEscalations").value(1))
                .andExpect(jsonPath("$.node.openEscalations").value(1));
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", TOWNSHIP).header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.children[?(@.code == '%s')].underObservation".formatted(place)).value(3));
        // day 14 is not over yet; an escalated order waits for its outcome
        postJson("/api/v1/observation-orders/" + running + "/release", officer, "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("order"));
        mvc.perform(get("/api/v1/observation-orders/" + over + "/release-notice.pdf").header("Authorization", "Bearer " + officer))
                .andExpect(status().isBadRequest());
        postJson("/api/v1/observation-orders/release?jurisdiction=" + place, officer, "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.released").value(1));
        mvc.perform(get("/api/v1/observation-orders/" + over).header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.status").value("RELEASED"));
        mvc.perform(get("/api/v1/observation-orders/" + feverish).header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.status").value("ESCALATED"));
        mvc.perform(get("/api/v1/cases/figures").param("jurisdiction", place).header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.node.underObservation").value(2));

        byte[] pdf = mvc.perform(get("/api/v1/observation-orders/" + over + "/release-notice.pdf")
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            DateTimeFormatter cn = DateTimeFormatter.ofPattern("yyyy年M月d日");
            assertThat(text).contains("解除隔离医学观察告知书").contains("期满人").contains(done.substring(0, 6) + "********" + done.substring(14))
                    .doesNotContain(done).contains(cn.format(today().minusDays(15))).contains(cn.format(today().minusDays(1)))
                    .contains(cn.format(today())).contains(jdbc.sql("select name from jurisdiction where code = :t")
                            .param("t", TOWNSHIP).query(String.class).single());
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OBSERVATION_RELEASED' and target = :t")
                .param("t", "observation-order:" + over).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aHalfDayWithoutAReadingAfterItsCutOffPutsThePersonOnTheListAndCountsRollUp() throws Exception {
        String place = "370102003011";
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String form = """
                {"name":"%s","idNumber":"%s","reason":"OFFICER","anchorDate":"%s","jurisdiction":"%s","address":"未报 %s 号"}""";
        long late = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer,
                form.formatted("漏报人", id(), today().minusDays(3), place, 1)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        long fresh = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer,
                form.formatted("新观察", id(), today(), place, 2)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        String readings = "/api/v1/observation-orders/" + late + "/readings";
        for (String r : new String[] {"{\"day\":\"%s\",\"half\":\"MORNING\",\"temperature\":36.4}".formatted(today().minusDays(2)),
                "{\"day\":\"%s\",\"half\":\"EVENING\",\"temperature\":36.5}".formatted(today().minusDays(2)),
                "{\"day\":\"%s\",\"half\":\"MORNING\",\"temperature\":36.6}".formatted(today().minusDays(1))}) {
            postJson(readings, officer, r).andExpect(status().isCreated());
        }

        // yesterday evening is missing whatever the hour; an order that starts today has nothing due yet
        String village = mvc.perform(get("/api/v1/observation-orders/missing").param("jurisdiction", place)
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String mine = "$.list[?(@.orderId == %d)]".formatted(late);
        assertThat(JsonPath.<List<Integer>>read(village, mine + ".missing").get(0)).isBetween(1, 3);
        assertThat(JsonPath.<List<String>>read(village, mine + ".name")).containsExactly("漏**");
        assertThat(JsonPath.<List<Object>>read(village, "$.list[?(@.orderId == %d)]".formatted(fresh))).isEmpty();
        assertThat(JsonPath.<Integer>read(village, "$.people")).isEqualTo(1);

        // one level up: the township counts the village, and the page drills down to it
        String township = mvc.perform(get("/api/v1/observation-orders/missing").param("jurisdiction", TOWNSHIP)
                        .header("Authorization", "Bearer " + officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(township, "$.children[?(@.code == '%s')].people".formatted(place)))
                .containsExactly(1);
        var session = Staff.login(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String page = mvc.perform(get("/observation/missing").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("child-" + place).contains("漏**");
    }

    @Test
    void theHouseholdListColoursAHouseholdByItsMembersObservation() throws Exception {
        String place = "370102003012";
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));
        String personId = id();
        long household = ((Number) JsonPath.read(postJson("/api/v1/households", officer,
                "{\"jurisdiction\":\"%s\",\"address\":\"彩色 1 号\"}".formatted(place)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        postJson("/api/v1/households/" + household + "/residents", officer, """
                {"name":"色彩","idNumber":"%s","relation":"HEAD","residence":"REGISTERED"}""".formatted(personId))
                .andExpect(status().isCreated());
        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, place));
        assertThat(colour(session, household)).isEqualTo("GREEN");

        long order = ((Number) JsonPath.read(postJson("/api/v1/observation-orders", officer, """
                {"name":"色彩","idNumber":"%s","reason":"CLOSE_CONTACT","anchorDate":"%s","jurisdiction":"%s"}"""
                .formatted(personId, today().minusDays(1), place)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.order.id")).longValue();
        assertThat(colour(session, household)).isEqualTo("YELLOW");
        postJson("/api/v1/observation-orders/" + order + "/readings", officer, "{\"half\":\"MORNING\",\"temperature\":37.6}")
                .andExpect(status().isCreated());
        assertThat(colour(session, household)).isEqualTo("RED");
    }

    String colour(MockHttpSession session, long household) throws Exception {
        String html = mvc.perform(get("/households").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int at = html.indexOf("id=\"household-" + household + "\"");
        assertThat(at).isPositive();
        Matcher m = Pattern.compile("data-status=\"(\\w+)\"").matcher(html.substring(at));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
