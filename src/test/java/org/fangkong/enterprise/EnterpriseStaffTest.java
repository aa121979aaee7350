package org.fangkong.enterprise;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
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
 * The staff roster (issue 15, item 3): staff back from outside the city land in the village's
 * outsider ledger to confirm, a key-area origin opening home observation once confirmed; the
 * enterprise sees when they may work; a fever at the daily check raises the township's alert as a
 * gate's fever does; another county sees nothing; old checks go with the passages' retention.
 */
@FangkongTest
class EnterpriseStaffTest {

    static final String VILLAGE = "370102005001";
    private static int seq = 900;

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    EnterpriseRetention retention;

    static String id() {
        String first17 = "370102" + LocalDate.of(1986, 3, 1).plusDays(seq++).toString().replace("-", "") + "517";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions read(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    static String member(String name, String id, String origin, String code, LocalDate returnedOn) {
        return """
                {"name":"%s","idNumber":"%s","phone":"13912345678","origin":"%s","originCode":"%s","returnedOn":%s}"""
                .formatted(name, id, origin, code, returnedOn == null ? "null" : "\"" + returnedOn + "\"");
    }

    long alertsAt(String pointName) {
        return jdbc.sql("""
                        select count(*) from checkpoint_alert a join passage p on p.id = a.passage_id
                        join checkpoint c on c.id = p.checkpoint_id where c.name = :n and c.jurisdiction_code = :v
                        """).param("n", pointName).param("v", VILLAGE).query(Long.class).single();
    }

    @Test
    void staffFromOutsideAreObservedAndAFeverRaisesTheAlert() throws Exception {
        LocalDate today = ShanghaiTime.today(clock);
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String otherCounty = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        Staff.Account own = staff.create(Role.ENTERPRISE, VILLAGE);
        String ownToken = Staff.token(mvc, own);
        String name = "历下精密" + seq;
        long enterprise = ((Number) JsonPath.read(send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"%s","division":"34","jurisdiction":"%s","staffTotal":80}"""
                .formatted(EnterpriseResumptionTest.newCreditCode(), name, VILLAGE)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        send(officer, "/api/v1/enterprises/" + enterprise + "/accounts", "{\"username\":\"" + own.username() + "\"}")
                .andExpect(status().isOk());
        String staffUrl = "/api/v1/enterprises/" + enterprise + "/staff";

        // bad input names its field and writes nothing
        String wuhan = id();
        send(ownToken, staffUrl, member(" ", wuhan, "湖北省武汉市", "420106", today.minusDays(2)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        send(ownToken, staffUrl, member("汉江", wuhan.substring(0, 17) + (wuhan.endsWith("0") ? "1" : "0"), "湖北省武汉市", "420106",
                today.minusDays(2))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        send(ownToken, staffUrl, member("汉江", wuhan, "湖北省武汉市", "420106", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("returnedOn"));
        assertThat(jdbc.sql("select count(*) from enterprise_staff where enterprise_id = :e").param("e", enterprise)
                .query(Long.class).single()).isZero();

        // back from Wuhan two days ago: on the roster, may work after 14 days, in the village's ledger to confirm
        String added = send(ownToken, staffUrl, member("汉江", wuhan, "湖北省武汉市", "420106", today.minusDays(2)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fromOutside").value(true))
                .andExpect(jsonPath("$.mayWorkFrom").value(today.plusDays(12).toString()))
                .andExpect(jsonPath("$.mayWorkToday").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(added).doesNotContain(wuhan.substring(6, 14)).doesNotContain("13912345678");
        long fromWuhan = ((Number) JsonPath.read(added, "$.id")).longValue();
        assertThat(jdbc.sql("""
                        select o.self_registered and o.confirmed_at is null and o.from_key_area from outsider o
                        join person p on p.id = o.person_id where p.id_masked = :m and o.jurisdiction_code = :v
                        """).param("m", IdCardNumber.parse(wuhan).masked()).param("v", VILLAGE).query(Boolean.class).single())
                .as("waits for the grid worker, from a key area").isTrue();
        // staff from the city itself may work at once and are not arrivals
        String local = id();
        long fromJinan = ((Number) JsonPath.read(send(ownToken, staffUrl, member("泉水", local, "济南市历城区", "370112", today.minusDays(1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fromOutside").value(false))
                .andExpect(jsonPath("$.mayWorkToday").value(true)).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(jdbc.sql("select count(*) from outsider o join person p on p.id = o.person_id where p.id_masked = :m")
                .param("m", IdCardNumber.parse(local).masked()).query(Long.class).single()).isZero();

        // the daily check: normal, then a fever, which raises the alert at the enterprise's point in the village
        String point = name + " 员工健康监测";
        send(ownToken, staffUrl + "/" + fromJinan + "/checks", "{\"temperature\":36.5,\"symptoms\":[]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.temperatureToday").value(36.5));
        assertThat(alertsAt(point)).isZero();
        send(ownToken, staffUrl + "/" + fromJinan + "/checks", "{\"temperature\":45,\"symptoms\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("temperature"));
        send(ownToken, staffUrl + "/" + fromJinan + "/checks", "{\"temperature\":37,\"symptoms\":[\"HEADACHE_X\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("symptoms"));
        send(ownToken, staffUrl + "/" + fromJinan + "/checks", "{\"temperature\":38.2,\"symptoms\":[\"cough\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.temperatureToday").value(38.2))
                .andExpect(jsonPath("$.symptomsToday[0]").value("COUGH"));
        assertThat(alertsAt(point)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from enterprise_health_check c join enterprise_staff s on s.id = c.staff_id where s.enterprise_id = :e")
                .param("e", enterprise).query(Long.class).single()).as("one check a day, the second replaces the first").isEqualTo(1);

        // another county sees nothing of the roster; the enterprise lists it
        read(otherCounty, staffUrl).andExpect(status().isNotFound());
        send(otherCounty, staffUrl + "/" + fromWuhan + "/checks", "{\"temperature\":36.5}").andExpect(status().isNotFound());
        read(ownToken, staffUrl).andExpect(jsonPath("$.length()").value(2));
        send(ownToken, staffUrl + "/" + fromWuhan + "/left", "{}").andExpect(status().isNoContent());
        read(ownToken, staffUrl).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(fromJinan));

        // retention: checks as the gate's passages (28 days), staff who left a year on
        jdbc.sql("update enterprise_health_check set day = day - 40 where staff_id = :s").param("s", fromJinan).update();
        jdbc.sql("update enterprise_staff set left_on = left_on - 400 where id = :s").param("s", fromWuhan).update();
        retention.purge(clock.instant());
        assertThat(jdbc.sql("select count(*) from enterprise_health_check where staff_id = :s").param("s", fromJinan)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from enterprise_staff where id = :s").param("s", fromWuhan).query(Long.class).single()).isZero();
    }

    @Test
    void theRosterImportRefusesBadRowsWholeThenWritesTheRest() throws Exception {
        LocalDate today = ShanghaiTime.today(clock);
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        long enterprise = ((Number) JsonPath.read(send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"历下港务%d","division":"55","jurisdiction":"%s","staffTotal":500}"""
                .formatted(EnterpriseResumptionTest.newCreditCode(), seq, VILLAGE)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        String a = id();
        String b = id();
        String[][] rows = {
                StaffExcel.HEADERS,
                {"黄冈", a, "13912345678", "", "湖北省黄冈市", "421100", today.minusDays(3).toString()},
                {"泉城", b, "13912345679", "370102005002", "", "", ""},
                {"错号", a.substring(0, 17) + (a.endsWith("0") ? "1" : "0"), "13912345670", "", "", "", ""},
                {"重复", a, "13912345671", "", "", "", ""},
                {"无日期", id(), "13912345672", "", "河南省信阳市", "411500", ""},
        };
        String url = "/api/v1/enterprises/" + enterprise + "/staff/import";
        mvc.perform(post(url).header("Authorization", "Bearer " + officer).contentType("application/octet-stream")
                        .content(Sheets.xlsx(rows)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rejectedRows").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(4)).andExpect(jsonPath("$.errors[0].field").value("身份证号"))
                .andExpect(jsonPath("$.errors[1].field").value("身份证号")).andExpect(jsonPath("$.errors[2].field").value("返回日期"));
        assertThat(jdbc.sql("select count(*) from enterprise_staff where enterprise_id = :e").param("e", enterprise)
                .query(Long.class).single()).isZero();

        mvc.perform(post(url + "?validRowsOnly=true").header("Authorization", "Bearer " + officer)
                        .contentType("application/octet-stream").content(Sheets.xlsx(rows)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.written").value(2))
                .andExpect(jsonPath("$.fromOutside").value(1)).andExpect(jsonPath("$.rejected").value(3));
        read(officer, "/api/v1/enterprises/" + enterprise + "/staff")
                .andExpect(jsonPath("$[?(@.name == '黄*')].mayWorkFrom").value(today.plusDays(11).toString()))
                .andExpect(jsonPath("$[?(@.name == '泉*')].villageCode").value("370102005002"));
        assertThat(jdbc.sql("""
                        select count(*) from outsider o join person p on p.id = o.person_id
                        where p.id_masked = :m and o.jurisdiction_code = :v and o.self_registered
                        """).param("m", IdCardNumber.parse(a).masked()).param("v", VILLAGE).query(Long.class).single()).isEqualTo(1);

        // the template is the layout, read back with the library that wrote it
        byte[] template = mvc.perform(get("/enterprises/staff-template").session(Staff.login(mvc, staff.create(Role.OFFICER, "370102"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            List<Row> read = wb.getFirstSheet().read();
            assertThat(read).hasSize(1);
            assertThat(read.get(0).getCellText(1)).isEqualTo("身份证号");
        }
        // the enterprise's page lists the roster, masked
        String page = mvc.perform(get("/enterprises/" + enterprise).session(Staff.login(mvc, staff.create(Role.OFFICER, "370102"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("黄*").contains("起可上岗").doesNotContain(a);
    }
}
