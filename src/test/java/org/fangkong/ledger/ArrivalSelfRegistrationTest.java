package org.fangkong.ledger;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fangkong.common.IdCardNumber;
import org.fangkong.venue.QrDecoder;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Arrivals' self-registration (来青人员登记, issue 14 item 7): a public door into the village's
 * outsider ledger as "to confirm"; registering again updates the one row; the grid worker confirms
 * or corrects it, and only then does a key-area arrival open home observation.
 */
@FangkongTest
@RecordApplicationEvents
class ArrivalSelfRegistrationTest {

    static final String VILLAGE = "370102004003";
    static final String OTHER_VILLAGE = "370102004006";
    private static int seq = 300;

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    static String id() {
        String first17 = "370102" + LocalDate.of(1984, 5, 1).plusDays(seq++).toString().replace("-", "") + "613";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static LocalDate today() {
        return ShanghaiTime.today(Clock.systemUTC());
    }

    ResultActions arrive(String json) throws Exception {
        return mvc.perform(post("/api/v1/arrivals").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String arrival(String village, String name, String id, String origin, LocalDate on, String address) {
        return """
                {"village":"%s","name":"%s","idNumber":"%s","phone":"13912345678","origin":"%s","arrivedOn":"%s","address":"%s"}"""
                .formatted(village, name, id, origin, on, address);
    }

    long rowsOf(String idNumber) {
        return jdbc.sql("""
                        select count(*) from outsider o join person p on p.id = o.person_id
                        where p.id_masked = :m and o.jurisdiction_code in (:a, :b)
                        """).param("m", IdCardNumber.parse(idNumber).masked()).param("a", VILLAGE).param("b", OTHER_VILLAGE)
                .query(Long.class).single();
    }

    @Test
    void aSelfRegistrationWaitsForTheGridWorkerAndRegisteringAgainUpdatesIt() throws Exception {
        String wuhan = id();
        long announced = events.stream(OutsiderRegistered.class).count();
        arrive(arrival(VILLAGE, "汉江", wuhan, "湖北省武汉市武昌区", today().minusDays(1), "5号楼"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.fromKeyArea").value(true));
        // registering again (a corrected address, another day) updates the one row
        arrive(arrival(VILLAGE, "汉江", wuhan, "湖北省武汉市武昌区", today().minusDays(2), "6号楼 201"))
                .andExpect(status().isAccepted());
        assertThat(rowsOf(wuhan)).isEqualTo(1);
        assertThat(events.stream(OutsiderRegistered.class).count()).as("nothing opens before confirmation").isEqualTo(announced);

        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String list = mvc.perform(get("/api/v1/outsiders").param("toConfirm", "true").header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String mine = "$[?(@.name == '汉*')]";
        assertThat(JsonPath.<List<String>>read(list, mine + ".address")).containsExactly("6号楼 201");
        assertThat(JsonPath.<List<Boolean>>read(list, mine + ".toConfirm")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(list, mine + ".idNumber").get(0)).doesNotContain(wuhan.substring(6, 14));
        long row = JsonPath.<List<Number>>read(list, mine + ".id").get(0).longValue();
        // an unconfirmed arrival counts in no daily report
        assertThat(mvc.perform(get("/api/v1/reports/prefill").param("unit", VILLAGE).param("day", today().minusDays(2).toString())
                        .header("Authorization", "Bearer " + worker)).andReturn().getResponse().getContentAsString())
                .contains("\"keyAreaArrivals\":0");

        // the grid worker's home page says one waits; another village's worker cannot see or confirm it
        assertThat(mvc.perform(get("/").session(Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE))))
                .andReturn().getResponse().getContentAsString()).contains("待核实的自主登记");
        String other = Staff.token(mvc, staff.create(Role.GRID_WORKER, OTHER_VILLAGE));
        String correction = """
                {"jurisdiction":"%s","origin":"湖北省武汉市武昌区","originCode":"420106","arrivedOn":"%s","leftKeyAreaOn":"%s",
                 "address":"6号楼 202","purpose":"返乡"}""".formatted(VILLAGE, today().minusDays(2), today().minusDays(3));
        mvc.perform(post("/api/v1/outsiders/" + row + "/confirm").header("Authorization", "Bearer " + other)
                .contentType(MediaType.APPLICATION_JSON).content(correction)).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/outsiders/" + row + "/confirm").header("Authorization", "Bearer " + worker)
                        .contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isOk()).andExpect(jsonPath("$.toConfirm").value(false))
                .andExpect(jsonPath("$.selfRegistered").value(true)).andExpect(jsonPath("$.address").value("6号楼 202"))
                .andExpect(jsonPath("$.fromKeyArea").value(true));
        assertThat(events.stream(OutsiderRegistered.class).filter(e -> e.outsiderId() == row)).singleElement()
                .satisfies(e -> assertThat(e.leftKeyAreaOn()).isEqualTo(today().minusDays(3)));
        String orders = mvc.perform(get("/api/v1/observation-orders").param("jurisdiction", VILLAGE)
                .header("Authorization", "Bearer " + worker)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(orders, "$[?(@.name == '汉*')].reason")).containsExactly("KEY_AREA_ARRIVAL");
        assertThat(mvc.perform(get("/api/v1/reports/prefill").param("unit", VILLAGE).param("day", today().minusDays(2).toString())
                        .header("Authorization", "Bearer " + worker)).andReturn().getResponse().getContentAsString())
                .doesNotContain("\"keyAreaArrivals\":0");
        // confirmed once only
        mvc.perform(post("/api/v1/outsiders/" + row + "/confirm").header("Authorization", "Bearer " + worker)
                        .contentType(MediaType.APPLICATION_JSON).content(correction))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
        // registering again during the stay adds nothing, and says the same
        arrive(arrival(VILLAGE, "汉江", wuhan, "湖北省武汉市武昌区", today().minusDays(2), "6号楼 201"))
                .andExpect(status().isAccepted());
        assertThat(rowsOf(wuhan)).isEqualTo(1);
    }

    @Test
    void badInputNamesItsFieldAndWritesNothing() throws Exception {
        String someone = id();
        arrive(arrival("370102004", "汉江", someone, "武汉", today(), "1号")) // a township is not a village
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("village"));
        arrive(arrival(VILLAGE, "汉江", someone.substring(0, 17) + (someone.endsWith("0") ? "1" : "0"), "武汉", today(), "1号"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        arrive(arrival(VILLAGE, "汉江", someone, "武汉", today().plusDays(30), "1号"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("arrivedOn"));
        arrive(arrival(VILLAGE, "汉江", someone, "", today(), "1号"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("origin"));
        assertThat(rowsOf(someone)).isZero();
    }

    @Test
    void thePublicPageWalksTheTreeToAVillageAndRegistersWithoutASession() throws Exception {
        String county = mvc.perform(get("/arrive").param("at", "370102")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(county).contains("历下区").contains("/arrive?at=370102004");
        String search = mvc.perform(get("/arrive").param("at", "370102").param("q", "解放路"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains("/arrive?at=370102001\"").contains("解放路街道");
        String page = mvc.perform(get("/arrive").param("at", VILLAGE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"village\"").contains("value=\"" + VILLAGE + "\"").contains("id=\"submit\"");

        String someone = id();
        String bad = mvc.perform(post("/arrive").param("village", VILLAGE).param("name", "泰山").param("idNumber", "12345")
                        .param("phone", "13912345678").param("origin", "北京市").param("arrivedOn", today().toString())
                        .param("address", "2号"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"idNumber-error\"").contains("value=\"" + VILLAGE + "\"");
        // a date that is no date (typed without a date picker): said on the village's form, not lost
        String noDate = mvc.perform(post("/arrive").param("village", VILLAGE).param("name", "泰山").param("idNumber", "12345")
                        .param("phone", "13912345678").param("origin", "北京市").param("arrivedOn", "2月3日").param("address", "2号"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noDate).contains("id=\"arrivedOn-error\"").contains("value=\"" + VILLAGE + "\"");
        mvc.perform(post("/arrive").param("village", VILLAGE).param("name", "泰山").param("idNumber", someone)
                        .param("phone", "13912345678").param("origin", "北京市").param("arrivedOn", today().toString())
                        .param("address", "2号"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/arrive/done"))
                .andExpect(flash().attributeExists("received"));
        assertThat(rowsOf(someone)).isEqualTo(1);

        // the grid worker confirms it from the ledger page
        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        long row = jdbc.sql("select o.id from outsider o join person p on p.id = o.person_id where p.id_masked = :m")
                .param("m", IdCardNumber.parse(someone).masked()).query(Long.class).single();
        assertThat(mvc.perform(get("/outsiders").session(session)).andReturn().getResponse().getContentAsString())
                .contains("id=\"to-confirm-" + row + "\"");
        mvc.perform(post("/outsiders/" + row + "/confirm").session(session).with(csrf()).param("jurisdiction", VILLAGE)
                        .param("origin", "北京市").param("arrivedOn", today().toString()).param("address", "2号院"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "outsider.confirmed"));
        assertThat(jdbc.sql("select confirmed_by is not null from outsider where id = :id").param("id", row)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void thePosterCarriesTheLinkWithItsAreaPreselected() throws Exception {
        var session = Staff.login(mvc, staff.create(Role.OFFICER, "370102"));
        byte[] pdf = mvc.perform(get("/outsiders/poster.pdf").param("at", "370102").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("外来人员请扫码登记").contains("历下区");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(QrDecoder.decode(image)).endsWith("/arrive?at=370102");
        }
        mvc.perform(get("/outsiders/poster.pdf").param("at", "370103").session(session)).andExpect(status().isNotFound());
    }
}
