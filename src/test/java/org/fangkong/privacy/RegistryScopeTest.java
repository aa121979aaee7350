package org.fangkong.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.person.PersonRecords;
import org.fangkong.person.PersonRegistry;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.MatchingLists;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
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
 * The person registry links records across the province but never discloses across a county line
 * (issue 12, items 1–3): merges need both people in the caller's scope, a county sees and reveals
 * only what its own rows recorded, a second phone never replaces the first, and a cross-matched row
 * outside the uploader's county says only which county holds the person.
 */
@FangkongTest
class RegistryScopeTest {

    /** 历下区 (370102) and 市中区 (370103) of 济南市: two counties. */
    static final String VILLAGE_A = "370102001002";
    static final String COUNTY_A = "370102";
    static final String COUNTY_B = "370103";
    private static final AtomicInteger SEQ = new AtomicInteger(5_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonRecords records;
    @Autowired
    PersonRegistry registry;
    @Autowired
    Venues venues;
    @Autowired
    CheckinFixtures checkins;

    static String id() {
        String first17 = "370102" + LocalDate.of(1975, 1, 1).plusDays(SEQ.incrementAndGet() % 9_000).toString().replace("-", "") + "337";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String phone() {
        return "137" + String.format("%08d", 61_000_000 + SEQ.incrementAndGet());
    }

    String villageOf(String county) {
        return jdbc.sql("select code from jurisdiction where level = 'VILLAGE' and code like :c order by code limit 1")
                .param("c", county + "%").query(String.class).single();
    }

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A household with one resident; answers the resident's JSON. */
    String resident(String token, String village, String name, String idNumber, String phone) throws Exception {
        String h = postJson("/api/v1/households", token,
                "{\"jurisdiction\":\"" + village + "\",\"building\":\"1号楼\",\"address\":\"" + SEQ.incrementAndGet() + "室\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long household = ((Number) JsonPath.read(h, "$.id")).longValue();
        return postJson("/api/v1/households/" + household + "/residents", token, "{\"name\":\"" + name + "\""
                + (idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"")
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"relation\":\"HEAD\",\"residence\":\"LIVING\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    static long idOf(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    @Test
    void aMergeNeedsBothPeopleInTheCallersScopeAndAnswersAsForAMissingId() throws Exception {
        String workerA = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE_A));
        String villageB = villageOf(COUNTY_B);
        String workerB = Staff.token(mvc, staff.create(Role.GRID_WORKER, villageB));
        long victim = idOf(resident(workerA, VILLAGE_A, "受害人", id(), phone()), "$.personId");
        long own = idOf(resident(workerB, villageB, "本县人", null, phone()), "$.personId");
        long ownToo = idOf(resident(workerB, villageB, "本县人", id(), null), "$.personId");
        String officerB = Staff.token(mvc, staff.create(Role.OFFICER, COUNTY_B));

        String missing = "{\"kept\":" + own + ",\"merged\":999999999,\"reason\":\"同一人\"}";
        String stealing = "{\"kept\":" + own + ",\"merged\":" + victim + ",\"reason\":\"同一人\"}";
        String giving = "{\"kept\":" + victim + ",\"merged\":" + own + ",\"reason\":\"同一人\"}";
        String absent = postJson("/api/v1/persons/merge", officerB, missing).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        // the same answer as for an id that does not exist: nothing to enumerate
        assertThat(postJson("/api/v1/persons/merge", officerB, stealing).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).isEqualTo(absent);
        postJson("/api/v1/persons/merge", officerB, giving).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from person where id in (:a, :b) and merged_into is not null")
                .param("a", victim).param("b", own).query(Long.class).single()).isZero();

        postJson("/api/v1/persons/merge", officerB, "{\"kept\":" + own + ",\"merged\":" + ownToo + ",\"reason\":\"同一人\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kept").value(own));
        // the province admin may merge anyone
        String admin = Staff.token(mvc, staff.create(Role.ADMIN, "37"));
        postJson("/api/v1/persons/merge", admin, "{\"kept\":" + victim + ",\"merged\":" + own + ",\"reason\":\"同一人\"}")
                .andExpect(status().isOk());
    }

    @Test
    void aKnownIdNumberTypedInAnotherCountyShowsOnlyWhatThatCountyTyped() throws Exception {
        String idNumber = id();
        String phoneA = phone();
        String phoneB = phone();
        String workerA = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE_A));
        String villageB = villageOf(COUNTY_B);
        String workerB = Staff.token(mvc, staff.create(Role.GRID_WORKER, villageB));
        String a = resident(workerA, VILLAGE_A, "张秀英", idNumber, phoneA);
        // county B types the same ID number with another name and phone, then with no phone at all
        String b = resident(workerB, villageB, "李四", idNumber, phoneB);
        String bare = resident(workerB, villageB, "王五", idNumber, null);
        assertThat(idOf(b, "$.personId")).isEqualTo(idOf(a, "$.personId")); // linked: one person
        assertThat(JsonPath.<String>read(b, "$.name")).isEqualTo("李*");
        assertThat(JsonPath.<String>read(b, "$.phone")).isEqualTo(PhoneNumber.parse(phoneB).masked());
        assertThat(JsonPath.<String>read(bare, "$.name")).isEqualTo("王*");
        assertThat(JsonPath.<String>read(bare, "$.phone")).isNull();

        String revealB = postJson("/api/v1/residents/" + idOf(bare, "$.id") + "/reveal", workerB, "{\"reason\":\"核实身份\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(revealB, "$.name")).isEqualTo("王五");
        assertThat(JsonPath.<String>read(revealB, "$.phone")).isNull();
        assertThat(revealB).doesNotContain("张秀英", phoneA, phoneB);
        String revealA = postJson("/api/v1/residents/" + idOf(a, "$.id") + "/reveal", workerA, "{\"reason\":\"核实身份\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(revealA, "$.name")).isEqualTo("张秀英");
        assertThat(JsonPath.<String>read(revealA, "$.phone")).isEqualTo(phoneA);
        // county B finds nobody by county A's phone; the ID number finds only B's own rows
        mvc.perform(get("/api/v1/residents").param("q", phoneA).header("Authorization", "Bearer " + workerB))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        String found = mvc.perform(get("/api/v1/residents").param("q", idNumber).header("Authorization", "Bearer " + workerB))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(found, "$[*].name")).containsExactlyInAnyOrder("李*", "王*");

        // the second phone did not replace the first: both kept with their place, and both find the person
        long person = idOf(a, "$.personId");
        assertThat(jdbc.sql("select phone_masked from person where id = :p").param("p", person).query(String.class).single())
                .isEqualTo(PhoneNumber.parse(phoneA).masked());
        assertThat(jdbc.sql("""
                        select count(distinct phone_hash) from person_record where person_id = :p and phone_hash is not null
                        """).param("p", person).query(Long.class).single()).isEqualTo(2);
        assertThat(records.phoneHashes(List.of(person)).get(person)).hasSize(2);
        assertThat(registry.findByPhone(PhoneNumber.parse(phoneB))).contains(person);
    }

    @Test
    void anXlsxImportOfKnownIdNumbersKeepsWhatThisCountyTyped() throws Exception {
        String idNumber = id();
        String workerA = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE_A));
        resident(workerA, VILLAGE_A, "周原名", idNumber, phone());
        String villageB = villageOf(COUNTY_B);
        String workerB = Staff.token(mvc, staff.create(Role.GRID_WORKER, villageB));
        String phoneB = phone();
        byte[] xlsx = Sheets.xlsx(new String[][] {
                {"村（社区）/网格代码", "楼栋/院落", "门牌号", "姓名", "身份证号", "手机号", "性别", "年龄", "与户主关系", "户籍类型", "健康状况",
                        "是否来自重点地区", "离开重点地区日期", "迁出日期"},
                {villageB, "导入楼", "1 号", "吴导入", idNumber, phoneB, "", "", "户主", "常住", "健康", "否", "", ""}});
        mvc.perform(post("/api/v1/residents/import").header("Authorization", "Bearer " + workerB)
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").content(xlsx))
                .andExpect(status().isCreated());
        String found = mvc.perform(get("/api/v1/residents").param("q", idNumber).header("Authorization", "Bearer " + workerB))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(found, "$[*].name")).containsExactly("吴**");
        assertThat(JsonPath.<List<String>>read(found, "$[*].phone")).containsExactly(PhoneNumber.parse(phoneB).masked());
        long resident = ((Number) JsonPath.<List<Object>>read(found, "$[*].id").get(0)).longValue();
        String revealed = postJson("/api/v1/residents/" + resident + "/reveal", workerB, "{\"reason\":\"核对\"}")
                .andReturn().getResponse().getContentAsString();
        assertThat(revealed).contains("吴导入", phoneB).doesNotContain("周原名");
    }

    @Test
    void aGateFindsSomeoneByIdCardOnlyFromItsOwnScopesRecords() throws Exception {
        String idNumber = id();
        String workerA = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE_A));
        resident(workerA, VILLAGE_A, "赵六", idNumber, phone());
        String villageB = villageOf(COUNTY_B);
        String workerB = Staff.token(mvc, staff.create(Role.GRID_WORKER, villageB));
        String gate = postJson("/api/v1/checkpoints", workerB, "{\"jurisdiction\":\"" + villageB + "\",\"name\":\"北门\",\"kind\":\"GATE\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        postJson("/api/v1/checkpoints/" + idOf(gate, "$.id") + "/passages", workerB,
                "{\"direction\":\"IN\",\"idNumber\":\"" + idNumber + "\",\"temperature\":36.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
    }

    @Test
    void aMatchedRowOutsideTheUploadersCountyNamesOnlyTheCountyAndItsTaskIsThatCountys() throws Exception {
        String idNumber = id();
        String phoneA = phone();
        String workerA = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE_A));
        resident(workerA, VILLAGE_A, "钱七", idNumber, phoneA);
        Actor adminA = new Actor(0, "scope-test", "测试", Role.ADMIN, "37", "37");
        var venue = venues.create(new VenueForm("隐私超市", VenueType.SUPERMARKET, VILLAGE_A, "", null), adminA);
        checkins.record(venues.byCode(venue.code()).orElseThrow(), phoneA, Instant.now().minusSeconds(600));

        String officerB = Staff.token(mvc, staff.create(Role.OFFICER, COUNTY_B));
        byte[] list = Sheets.xlsx(new String[][] {{"姓名", "身份证号", "手机号"}, {"钱七", idNumber, ""}});
        String listId = upload(officerB, list);
        String rows = mvc.perform(get("/api/v1/matching-lists/" + listId + "/rows").header("Authorization", "Bearer " + officerB))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Boolean>read(rows, "$.items[0].matched")).isTrue();
        assertThat(JsonPath.<String>read(rows, "$.items[0].jurisdictionCode")).isEqualTo(COUNTY_A);
        assertThat(JsonPath.<String>read(rows, "$.items[0].jurisdictionName")).isEqualTo("历下区");
        for (String hidden : new String[] {"address", "venueName", "lastSeenAt", "checkpointName", "passedAt", "taskId"}) {
            assertThat(JsonPath.<Object>read(rows, "$.items[0]." + hidden)).as(hidden).isNull();
        }
        assertThat(rows).doesNotContain("隐私超市", VILLAGE_A);
        // the task is county A's: seen there with the sighting, not on the uploader's list
        String tasksA = mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + workerA))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(tasksA, "$.items[?(@.listId == " + listId + ")].venueName")).containsExactly("隐私超市");
        String tasksB = mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + officerB))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(tasksB, "$.items[?(@.listId == " + listId + ")]")).isEmpty();
    }

    String upload(String token, byte[] file) throws Exception {
        return MatchingLists.upload(mvc, token, file, "list.xlsx", "核查名单");
    }
}
