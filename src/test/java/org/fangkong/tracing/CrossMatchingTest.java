package org.fangkong.tracing;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.outsiders.OutsiderForm;
import org.fangkong.ledger.outsiders.OutsiderLedger;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.MatchingLists;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.VenueType;
import org.fangkong.venue.Venues;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 对比摸排 end to end over the API: a list with a resident, an outsider, someone only seen at a
 * venue, a stranger and a bad row; results per row, tasks on the grid's list, closing a task,
 * the audited export read back, scope.
 */
@FangkongTest
class CrossMatchingTest {

    static final String VILLAGE = "370102001006";
    static final String OTHER_VILLAGE = "370102002004";
    static final Actor ADMIN = new Actor(0, "matching-test", "测试", Role.ADMIN, "37", "37");
    private static final AtomicInteger SEQ = new AtomicInteger(300);

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ResidentLedger residents;
    @Autowired
    OutsiderLedger outsiders;
    @Autowired
    Venues venues;
    @Autowired
    CheckinFixtures checkins;

    static String id() {
        String first17 = "370102" + LocalDate.of(1970, 1, 1).plusDays(SEQ.incrementAndGet() * 37L).toString().replace("-", "") + "561";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String phone() {
        return "136" + String.format("%08d", 55_000_000 + SEQ.incrementAndGet());
    }

    String upload(String token, byte[] file, String fileName, String name) throws Exception {
        return MatchingLists.upload(mvc, token, file, fileName, name);
    }

    @Test
    void eachRowIsPlacedAndEveryPlacedMatchBecomesATaskOfThatGrid() throws Exception {
        String residentId = id();
        String residentPhone = phone();
        var household = residents.createHousehold(VILLAGE, "东院", "摸排 1 号", ADMIN);
        residents.addResident(household.id(), new ResidentForm("韩梅", residentId, residentPhone, "HEAD", "REGISTERED",
                "HEALTHY", false, null), ADMIN);
        String outsiderPhone = phone();
        outsiders.register(new OutsiderForm(OTHER_VILLAGE, "罗汉", null, outsiderPhone, "湖北省武汉市", "420100",
                LocalDate.now().minusDays(3), LocalDate.now().minusDays(4), "佛山苑 9 号", null, "探亲"), ADMIN);
        var venue = venues.create(new VenueForm("摸排超市", VenueType.SUPERMARKET, VILLAGE, "", null), ADMIN);
        String venuePhone = phone();
        checkins.record(venues.byCode(venue.code()).orElseThrow(), venuePhone, Instant.now().minusSeconds(3_600));
        String badId = id().substring(0, 17) + "0";
        badId = IdCardNumber.checkCharacter(badId.substring(0, 17)) == '0' ? badId.substring(0, 17) + "1" : badId;

        byte[] list = Sheets.xlsx(new String[][] {
                {"姓名", "身份证号", "手机号", "离开武汉日期", "到达日期"},
                {"韩梅", residentId, "", "2020-01-20", "2020-01-21"},
                {"罗汉", "", outsiderPhone, "", ""},
                {"过客", "", venuePhone, "", ""},
                {"陌生", id(), phone(), "", ""},
                {"写错", badId, "", "", ""},
                {"韩梅", "", residentPhone, "2020/1/20", ""}});
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        String token = Staff.token(mvc, officer);
        String listId = upload(token, list, "武汉来济.xlsx", "武汉来济人员");

        mvc.perform(get("/api/v1/matching-lists/" + listId).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(6)).andExpect(jsonPath("$.matched").value(4))
                .andExpect(jsonPath("$.invalid").value(1)).andExpect(jsonPath("$.tasks").value(4));
        String rows = mvc.perform(get("/api/v1/matching-lists/" + listId + "/rows").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(rows, "$.items[*].source")).containsExactly("RESIDENT", "OUTSIDER", "CHECKIN",
                null, null, "RESIDENT");
        assertThat(JsonPath.<List<String>>read(rows, "$.items[*].jurisdictionCode")).containsExactly(VILLAGE, OTHER_VILLAGE,
                VILLAGE, null, null, VILLAGE);
        assertThat(JsonPath.<String>read(rows, "$.items[0].address")).isEqualTo("东院 摸排 1 号");
        assertThat(JsonPath.<String>read(rows, "$.items[0].idNumber")).doesNotContain(residentId.substring(6, 14));
        assertThat(JsonPath.<String>read(rows, "$.items[2].venueName")).isEqualTo("摸排超市");
        assertThat(JsonPath.<String>read(rows, "$.items[4].errorField")).isEqualTo("idNumber");
        assertThat(JsonPath.<String>read(rows, "$.items[4].errorKey")).isEqualTo("validation.id.checksum");
        assertThat(JsonPath.<Integer>read(rows, "$.items[4].row")).isEqualTo(6);
        mvc.perform(get("/api/v1/matching-lists/" + listId + "/rows").param("filter", "UNMATCHED")
                        .header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].name").value("陌*"));

        // the village's grid worker sees the two tasks of the village, not the other village's
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        String workerToken = Staff.token(mvc, worker);
        String tasks = mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + workerToken))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> taskIds = JsonPath.read(tasks, "$.items[?(@.listName == '武汉来济人员')].id");
        assertThat(taskIds).hasSize(3);
        assertThat(JsonPath.<List<String>>read(tasks, "$.items[?(@.listName == '武汉来济人员')].jurisdictionCode"))
                .containsOnly(VILLAGE);
        mvc.perform(post("/api/v1/tasks/" + taskIds.get(0) + "/done").header("Authorization", "Bearer " + workerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(post("/api/v1/tasks/" + taskIds.get(0) + "/done").header("Authorization", "Bearer " + workerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已电话联系，居家观察\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.doneBy").value(worker.username()));
        mvc.perform(post("/api/v1/tasks/" + taskIds.get(0) + "/done").header("Authorization", "Bearer " + workerToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"again\"}"))
                .andExpect(status().isConflict());
        // a worker of the other village cannot close this village's task
        String otherWorker = Staff.token(mvc, staff.create(Role.GRID_WORKER, OTHER_VILLAGE));
        mvc.perform(post("/api/v1/tasks/" + taskIds.get(1) + "/done").header("Authorization", "Bearer " + otherWorker)
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/matching-lists/" + listId).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.tasksDone").value(1));

        // the export holds the list's full values and is audited; another county's officer sees nothing
        byte[] export = mvc.perform(get("/api/v1/matching-lists/" + listId + "/export").param("reason", "下发核查")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> sheet = read(export);
        assertThat(sheet.get(1)).startsWith("行号", "姓名", "身份证号", "手机号");
        assertThat(sheet.get(2)).contains("韩梅", residentId, "已匹配", "常住人员台账");
        assertThat(sheet.get(6)).contains("写错", badId, "数据有误");
        assertThat(String.join(" ", sheet.get(6))).contains("身份证号：");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT' and target like :t and reason = '下发核查'")
                .param("t", "match-list:" + listId + " rows:%").query(Long.class).single()).isEqualTo(1);
        String stranger = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        mvc.perform(get("/api/v1/matching-lists/" + listId).header("Authorization", "Bearer " + stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/matching-lists/" + listId).header("Authorization", "Bearer " + workerToken))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCsvFromExcelInGb18030IsReadAndAFileWithoutIdOrPhoneIsRefused() throws Exception {
        String phone = phone();
        String csv = "姓名,手机号,离开日期\r\n赵钱," + phone + ",2020-01-22\r\n孙李,12345,\r\n";
        String token = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String listId = upload(token, csv.getBytes(Charset.forName("GB18030")), "list.csv", "");
        mvc.perform(get("/api/v1/matching-lists/" + listId).header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.name").value("list.csv")).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.invalid").value(1));
        mvc.perform(get("/api/v1/matching-lists/" + listId + "/rows").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.items[0].name").value("赵*")).andExpect(jsonPath("$.items[0].leftOn").value("2020-01-22"))
                .andExpect(jsonPath("$.items[1].errorField").value("phone"));

        // a file without the columns is refused at once (read before the job starts), naming the file
        mvc.perform(multipart("/api/v1/matching-lists").file(new MockMultipartFile("file", "x.csv",
                        "text/csv", "姓名,住址\n张三,某村\n".getBytes())).header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("姓名")));
    }

    static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var stream = wb.getFirstSheet().openStream()) {
            stream.forEach((Row r) -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getOptionalCell(c).map(x -> x.getText() == null ? "" : x.getText()).orElse(""));
                }
                rows.add(cells);
            });
        }
        return rows;
    }
}
