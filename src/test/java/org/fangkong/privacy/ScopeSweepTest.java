package org.fangkong.privacy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The jurisdiction promise over the whole API, generated from the OpenAPI document (issue 12): one
 * resource of every kind is made in 历下区; for every route with a path id, and every route whose
 * body carries ids, a user of 市中区 in each role gets 404 (or 403 for the role), while the owner
 * reads it. A new route is covered without a new test; a route whose id this sweep cannot fill
 * fails it, naming the route, so its resource is added below.
 */
@FangkongTest
class ScopeSweepTest {

    static final String COUNTY_A = "370102";
    static final String VILLAGE_A = "370102001002";
    static final String COUNTY_B = "370103";
    /** Doors that are not scoped by design: citizens' check-in and token sign-in. */
    static final Set<String> PUBLIC = Set.of("/api/v1/checkins/{id}/checkout", "/api/v1/tokens/current");
    /** Bodies that name ids on a door open to citizens by design: anyone books any open round. */
    static final Set<String> PUBLIC_BODIES = Set.of("POST /api/v1/reservations", "POST /api/v1/lottery-entries",
            "POST /api/v1/arrivals");
    private static final AtomicInteger SEQ = new AtomicInteger(7_000);
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    String adminA;
    final Map<String, String> ids = new LinkedHashMap<>();

    static String idNumber() {
        String first17 = "370102" + LocalDate.of(1980, 2, 1).plusDays(SEQ.incrementAndGet()).toString().replace("-", "") + "205";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    String create(String url, String json) throws Exception {
        MvcResult r = mvc.perform(post(url).header("Authorization", "Bearer " + adminA).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andReturn();
        assertThat(r.getResponse().getStatus()).as(url + " " + r.getResponse().getContentAsString()).isLessThan(300);
        return r.getResponse().getContentAsString();
    }

    static String id(String json, String path) {
        return String.valueOf((Object) JsonPath.read(json, path));
    }

    /** One resource of every kind that a route id can name, all in 历下区. */
    void makeResourcesInCountyA() throws Exception {
        adminA = Staff.token(mvc, staff.create(Role.ADMIN, COUNTY_A));
        String household = create("/api/v1/households", "{\"jurisdiction\":\"" + VILLAGE_A + "\",\"address\":\"扫描 " + SEQ.incrementAndGet() + "\"}");
        ids.put("households", id(household, "$.id"));
        ids.put("pins", id(household, "$.id"));
        String resident = create("/api/v1/households/" + ids.get("households") + "/residents",
                "{\"name\":\"扫描人\",\"idNumber\":\"" + idNumber() + "\",\"phone\":\"13" + (600_000_000 + SEQ.incrementAndGet())
                        + "\",\"relation\":\"HEAD\",\"residence\":\"LIVING\"}");
        ids.put("residents", id(resident, "$.id"));
        ids.put("persons", id(resident, "$.personId"));
        ids.put("outsiders", id(create("/api/v1/outsiders", """
                {"jurisdiction":"%s","name":"外来人","idNumber":"%s","origin":"河南省","arrivedOn":"%s","address":"扫描院"}"""
                .formatted(VILLAGE_A, idNumber(), LocalDate.now().minusDays(1))), "$.id"));
        ids.put("checkpoints", id(create("/api/v1/checkpoints", "{\"jurisdiction\":\"" + VILLAGE_A + "\",\"name\":\"扫描门\",\"kind\":\"GATE\"}"),
                "$.id"));
        String passage = create("/api/v1/checkpoints/" + ids.get("checkpoints") + "/passages",
                "{\"direction\":\"IN\",\"name\":\"发热者\",\"idNumber\":\"" + idNumber() + "\",\"temperature\":38.5}");
        ids.put("passages", id(passage, "$.id"));
        String checkpointAlerts = mvc.perform(get("/api/v1/checkpoint-alerts").header("Authorization", "Bearer " + adminA))
                .andReturn().getResponse().getContentAsString();
        ids.put("checkpoint-alerts", String.valueOf(JsonPath.<List<Object>>read(checkpointAlerts,
                "$[?(@.passageId == " + ids.get("passages") + ")].id").get(0)));
        String order = create("/api/v1/observation-orders", """
                {"name":"观察人","idNumber":"%s","reason":"OFFICER","anchorDate":"%s","jurisdiction":"%s","address":"扫描 2 号"}"""
                .formatted(idNumber(), LocalDate.now().minusDays(1), VILLAGE_A));
        ids.put("observation-orders", id(order, "$.order.id"));
        create("/api/v1/observation-orders/" + ids.get("observation-orders") + "/readings", "{\"half\":\"MORNING\",\"temperature\":38.6}");
        String alerts = mvc.perform(get("/api/v1/observation-alerts").header("Authorization", "Bearer " + adminA))
                .andReturn().getResponse().getContentAsString();
        ids.put("observation-alerts", String.valueOf(JsonPath.<List<Object>>read(alerts,
                "$[?(@.orderId == " + ids.get("observation-orders") + ")].id").get(0)));
        ids.put("hospitals", id(create("/api/v1/hospitals", "{\"name\":\"扫描医院\",\"jurisdiction\":\"" + COUNTY_A + "\",\"beds\":10,\"icuBeds\":2}"), "$.id"));
        ids.put("cases", id(create("/api/v1/cases", """
                {"name":"病例扫描","idNumber":"%s","status":"CONFIRMED","jurisdiction":"%s"}""".formatted(idNumber(), VILLAGE_A)), "$.id"));
        ids.put("venues", id(create("/api/v1/venues", "{\"name\":\"扫描超市\",\"type\":\"SUPERMARKET\",\"jurisdiction\":\"" + VILLAGE_A + "\"}"),
                "$.id"));
        ids.put("users", String.valueOf(staff.create(Role.GRID_WORKER, VILLAGE_A).id()));
        ids.put("jurisdictions", COUNTY_A);
        // a matched list with its task, and the job that made it
        String residentId = JsonPath.read(mvc.perform(post("/api/v1/residents/" + ids.get("residents") + "/reveal")
                        .header("Authorization", "Bearer " + adminA).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"扫描\"}"))
                .andReturn().getResponse().getContentAsString(), "$.idNumber");
        String upload = mvc.perform(multipart("/api/v1/matching-lists").file(new MockMultipartFile("file", "list.xlsx",
                        "application/octet-stream", Sheets.xlsx(new String[][] {{"姓名", "身份证号"}, {"扫描人", residentId}})))
                        .param("name", "扫描名单").header("Authorization", "Bearer " + adminA))
                .andReturn().getResponse().getContentAsString();
        ids.put("matching-lists", id(upload, "$.listId"));
        ids.put("jobs", id(upload, "$.job"));
        for (int i = 0; i < 200 && ids.get("tasks") == null; i++) {
            Thread.sleep(50);
            jdbc.sql("select id from follow_up_task where list_id = :l").param("l", Long.parseLong(ids.get("matching-lists")))
                    .query(Long.class).optional().ifPresent(t -> ids.put("tasks", String.valueOf(t)));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png);
        String map = mvc.perform(multipart("/api/v1/maps").file(new MockMultipartFile("image", "map.png", "image/png", png.toByteArray()))
                        .param("jurisdiction", VILLAGE_A).param("name", "扫描图").header("Authorization", "Bearer " + adminA))
                .andReturn().getResponse().getContentAsString();
        ids.put("maps", id(map, "$.id"));
        String point = create("/api/v1/pickup-points", "{\"jurisdiction\":\"" + VILLAGE_A + "\",\"name\":\"扫描药房\"}");
        ids.put("pickup-points", id(point, "$.id"));
        ids.put("mask-rounds", id(create("/api/v1/mask-rounds", """
                {"scope":"%s","name":"扫描批次","mode":"FIRST_COME","opensAt":"%s","closesAt":"%s","pickupFrom":"%s","pickupTo":"%s",
                 "points":[{"pointId":%s,"quantity":100}]}""".formatted(COUNTY_A, java.time.Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), LocalDate.now(), LocalDate.now().plusDays(1), ids.get("pickup-points"))), "$.id"));
        ids.put("medicine-sales", id(create("/api/v1/pickup-points/" + ids.get("pickup-points") + "/medicine-sales",
                "{\"name\":\"购药人\",\"phone\":\"13900001114\",\"medicine\":\"布洛芬\"}"), "$.id"));
        ids.put("medicine-suspensions", "3701"); // 历下区's city: no county of it may suspend it
        ids.put("enterprises", id(create("/api/v1/enterprises", """
                {"creditCode":"%s","name":"扫描企业","division":"27","jurisdiction":"%s","staffTotal":10}"""
                .formatted(creditCode(), VILLAGE_A)), "$.id"));
        ids.put("filings", id(create("/api/v1/enterprises/" + ids.get("enterprises") + "/filings", """
                {"temperatureChecks":true,"disinfection":true,"suppliesThreeDays":true,"isolationRoom":true,"staggeredMeals":true,
                 "responsibleName":"负责人","responsiblePhone":"13900001115","pledge":true,"plannedOn":"%s","staffExpected":5}"""
                .formatted(LocalDate.now())), "$.id"));
        ids.put("passes", id(create("/api/v1/enterprises/" + ids.get("enterprises") + "/passes",
                "{\"plate\":\"鲁A12345\",\"driverName\":\"司机\",\"driverPhone\":\"13900001116\",\"goods\":\"口罩\",\"route\":\"济南\"}"),
                "$.id"));
        ids.put("problems", id(create("/api/v1/enterprises/" + ids.get("enterprises") + "/problems",
                "{\"kind\":\"STAFF\",\"description\":\"缺人\"}"), "$.id"));
        ids.put("staff", id(create("/api/v1/enterprises/" + ids.get("enterprises") + "/staff",
                "{\"name\":\"员工\",\"idNumber\":\"" + idNumber() + "\",\"phone\":\"13900001117\"}"), "$.id"));
        String masks = String.valueOf(jdbc.sql("select id from supply_item where code = 'SURGICAL_MASK'").query(Integer.class).single());
        ids.put("supply-items", masks);
        ids.put("stock-holders", id(create("/api/v1/stock-holders",
                "{\"jurisdiction\":\"" + COUNTY_A + "\",\"name\":\"扫描库" + SEQ.incrementAndGet() + "\",\"kind\":\"WAREHOUSE\"}"), "$.id"));
        String hospital = id(create("/api/v1/stock-holders",
                "{\"jurisdiction\":\"" + COUNTY_A + "\",\"name\":\"扫描医院" + SEQ.incrementAndGet() + "\",\"kind\":\"HOSPITAL\"}"), "$.id");
        create("/api/v1/stock-holders/" + ids.get("stock-holders") + "/movements", "{\"item\":" + masks + ",\"kind\":\"RECEIPT\",\"quantity\":10}");
        ids.put("supply-requests", id(create("/api/v1/supply-requests",
                "{\"holder\":" + hospital + ",\"lines\":[{\"item\":" + masks + ",\"quantity\":5}]}"), "$.id"));
        ids.put("dispatches", id(create("/api/v1/dispatches", "{\"from\":" + ids.get("stock-holders") + ",\"to\":" + hospital
                + ",\"lines\":[{\"item\":" + masks + ",\"quantity\":2}]}"), "$.id"));
        ids.put("donations", id(create("/api/v1/donations",
                "{\"jurisdiction\":\"" + COUNTY_A + "\",\"donor\":\"扫描捐赠\",\"kind\":\"MONEY\",\"amount\":100}"), "$.id"));
        ids.put("medical-teams", id(create("/api/v1/medical-teams", "{\"jurisdiction\":\"" + COUNTY_A + "\",\"batch\":"
                + (SEQ.incrementAndGet() % 100 + 1) + ",\"name\":\"扫描医疗队\",\"destination\":\"某医院\",\"departedOn\":\"2020-02-01\"}"), "$.id"));
        ids.put("assistance-projects", id(create("/api/v1/assistance-projects", "{\"jurisdiction\":\"" + COUNTY_A
                + "\",\"kind\":\"EQUIPMENT\",\"title\":\"扫描项目\",\"destination\":\"某医院\",\"quantity\":1,\"unit\":\"台\"}"), "$.id"));
        ids.put("supply-points", id(create("/api/v1/supply-points", "{\"jurisdiction\":\"" + VILLAGE_A
                + "\",\"name\":\"扫描保障点\",\"kind\":\"STORE\",\"categories\":[\"VEGETABLES\"]}"), "$.id"));
        ids.put("proxy-batches", id(create("/api/v1/proxy-batches", "{\"village\":\"" + VILLAGE_A + "\",\"point\":"
                + ids.get("supply-points") + "}"), "$.id"));
        ids.put("proxy-orders", id(create("/api/v1/proxy-batches/" + ids.get("proxy-batches") + "/orders", "{\"household\":"
                + ids.get("households") + ",\"lines\":[{\"item\":\"米\",\"quantity\":1,\"unit\":\"袋\"}]}"), "$.id"));
        String visit = create("/api/v1/supervision/visits", "{\"unit\":\"" + VILLAGE_A + "\",\"findings\":[{\"item\":\"OTHER\","
                + "\"detail\":\"扫描\",\"dueOn\":\"" + LocalDate.now().plusDays(5) + "\"}]}");
        ids.put("visits", id(visit, "$.id"));
        ids.put("findings", id(visit, "$.findings[0].id"));
        mvc.perform(post("/api/v1/supervision/findings/" + ids.get("findings") + "/photos").header("Authorization", "Bearer " + adminA)
                .contentType("image/png").content(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0})).andExpect(status().isNoContent());
        ids.put("photos", String.valueOf(jdbc.sql("select max(id) from supervision_photo where finding_id = :f")
                .param("f", Long.parseLong(ids.get("findings"))).query(Long.class).single()));
        ids.put("directives", id(create("/api/v1/directives", "{\"title\":\"扫描指令\",\"body\":\"扫描\",\"deadline\":\""
                + OffsetDateTime.now().plusDays(3) + "\",\"levels\":[\"TOWNSHIP\"]}"), "$.id"));
        mvc.perform(post("/api/v1/directives/" + ids.get("directives") + "/attachment").header("Authorization", "Bearer " + adminA)
                .contentType("application/pdf").content("%PDF-1.4\n%%EOF".getBytes())).andExpect(status().isNoContent());
        // a township of county A answered it with a file
        String township = VILLAGE_A.substring(0, 9);
        mvc.perform(post("/api/v1/directives/" + ids.get("directives") + "/feedback-attachment")
                .header("Authorization", "Bearer " + Staff.token(mvc, staff.create(Role.OFFICER, township)))
                .contentType("application/pdf").content("%PDF-1.4\n%%EOF".getBytes())).andExpect(status().isNoContent());
        ids.put("units", township);
        assertThat(ids.values()).doesNotContainNull();
    }

    /** A new valid unified social credit code (GB 32100-2015) of 历下区. */
    static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder b = new StringBuilder("91370102");
        for (int i = 0; i < 9; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(b.charAt(i)) * weights[i];
        }
        return b.append(chars.charAt((31 - sum % 31) % 31)).toString();
    }

    /** The resource kind a path parameter names: the path segment before it. */
    static String kindOf(String path, String param) {
        String before = path.substring(0, path.indexOf("{" + param + "}"));
        String[] segments = before.split("/");
        return segments[segments.length - 1];
    }

    /** A body that passes any field check a route might make first: every route must look at the id before the body. */
    static final String BODY = """
            {"reason":"核查","note":"核查","outcome":"RULED_OUT","status":"CONFIRMED","direction":"IN","temperature":36.5,
             "half":"MORNING","name":"某人","relation":"HEAD","residence":"LIVING","health":"HEALTHY","password":"another-pass-123",
             "x":0.5,"y":0.5,"beds":5,"icuBeds":1,"kind":"GATE","address":"某处","type":"SUPERMARKET",
             "jurisdiction":"370103002001"}""";

    MockHttpServletRequestBuilder call(HttpMethod method, String url, String token, boolean xlsxBody) throws Exception {
        MockHttpServletRequestBuilder b = request(method, url).header("Authorization", "Bearer " + token);
        if (xlsxBody) {
            return b.contentType("application/octet-stream").content(Sheets.xlsx(new String[][] {{"a"}, {"b"}}));
        }
        return method == HttpMethod.GET || method == HttpMethod.DELETE ? b : b.contentType(MediaType.APPLICATION_JSON).content(BODY);
    }

    @Test
    void everyRouteWithAnIdAnswers404ToEveryRoleOfAnotherCounty() throws Exception {
        makeResourcesInCountyA();
        var session = Staff.login(mvc, staff.create(Role.ADMIN, "37"));
        String doc = mvc.perform(get("/v3/api-docs").session(session)).andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
        String villageB = jdbc.sql("select code from jurisdiction where level = 'VILLAGE' and code like '370103%' order by code limit 1")
                .query(String.class).single();
        Map<Role, String> strangers = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            strangers.put(role, Staff.token(mvc, staff.create(role, role == Role.GRID_WORKER || role == Role.VENUE_STAFF
                    || role == Role.PICKUP_POINT || role == Role.ENTERPRISE ? villageB : COUNTY_B)));
        }
        List<String> failures = new ArrayList<>();
        Set<String> unfilled = new TreeSet<>();
        Set<String> swept = new TreeSet<>();
        int checked = 0;
        for (var entry : paths.entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith("/api/v1/") || !path.contains("{") || PUBLIC.contains(path)) {
                continue;
            }
            String url = path;
            Matcher m = PARAM.matcher(path);
            boolean filled = true;
            while (m.find()) {
                String value = ids.get(kindOf(path, m.group(1)));
                if (value == null) {
                    unfilled.add(path);
                    filled = false;
                    break;
                }
                url = url.replace(m.group(), value);
            }
            if (!filled) {
                continue;
            }
            swept.add(path);
            for (String verb : entry.getValue().keySet()) {
                HttpMethod method = HttpMethod.valueOf(verb.toUpperCase());
                boolean xlsx = path.endsWith("/import");
                for (var stranger : strangers.entrySet()) {
                    int status = mvc.perform(call(method, url, stranger.getValue(), xlsx)).andReturn().getResponse().getStatus();
                    checked++;
                    if (status != 404 && status != 403) {
                        failures.add(verb.toUpperCase() + " " + path + " as " + stranger.getKey() + " of 市中区 → " + status);
                    }
                }
                if (method == HttpMethod.GET) {
                    int owner = mvc.perform(call(method, url, adminA, false)).andReturn().getResponse().getStatus();
                    // the owner finds it (a 400 for the resource's state, or a missing reason, still found it)
                    if (owner == 401 || owner == 403 || owner == 404 || owner >= 500) {
                        failures.add("GET " + path + " as the owner's admin → " + owner + " (the sweep's id is not valid)");
                    }
                }
            }
        }
        assertThat(unfilled).as("routes whose id this sweep cannot fill: add their resource to makeResourcesInCountyA").isEmpty();
        assertThat(failures).as("routes that answered another county").isEmpty();
        assertThat(checked).isGreaterThan(200);
        // routes added with the livelihood and command modules are swept (each with a real id of county A); raw-body
        // and file routes of @Controller classes need @ResponseBody to be in the document at all
        assertThat(swept).contains("/api/v1/proxy-batches/{id}/delivered", "/api/v1/proxy-orders/{id}/payment",
                "/api/v1/supervision/findings/{id}/confirm", "/api/v1/supervision/findings/{id}/photos",
                "/api/v1/supervision/visits/{id}", "/api/v1/supervision/photos/{id}", "/api/v1/directives/{id}/attachment",
                "/api/v1/directives/{id}/feedback-attachment", "/api/v1/proxy-batches/{id}/picking.pdf", "/api/v1/users/{id}/sessions/end");
    }

    @Test
    void idsInRequestBodiesAreCheckedAgainstTheCallersScope() throws Exception {
        if (adminA == null) {
            makeResourcesInCountyA();
        }
        var session = Staff.login(mvc, staff.create(Role.ADMIN, "37"));
        String doc = mvc.perform(get("/v3/api-docs").session(session)).andReturn().getResponse().getContentAsString();
        // every request body property named like an id, from the document: each needs a body below
        Map<String, Map<String, Object>> schemas = JsonPath.read(doc, "$.components.schemas");
        Set<String> idFields = new TreeSet<>();
        List<String> bodyRoutes = new ArrayList<>();
        Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
        for (var entry : paths.entrySet()) {
            for (var op : entry.getValue().entrySet()) {
                if (!"post".equals(op.getKey()) && !"put".equals(op.getKey())) {
                    continue;
                }
                List<String> refs = JsonPath.read(op.getValue(), "$..requestBody..['$ref']");
                for (String ref : refs) {
                    Map<String, Object> props = schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of());
                    Object properties = props.get("properties");
                    if (properties instanceof Map<?, ?> p) {
                        for (Object name : p.keySet()) {
                            if (name.toString().matches(".*(Id|Ids)$")) {
                                idFields.add(name.toString());
                                bodyRoutes.add(op.getKey().toUpperCase() + " " + entry.getKey() + " " + name);
                            }
                        }
                    }
                }
            }
        }
        String villageB = jdbc.sql("select code from jurisdiction where level = 'VILLAGE' and code like '370103%' order by code limit 1")
                .query(String.class).single();
        String officerB = Staff.token(mvc, staff.create(Role.OFFICER, COUNTY_B));
        String caseB = JsonPath.read(mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + officerB)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CONFIRMED\",\"jurisdiction\":\"" + villageB + "\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id").toString();
        // a self-registered arrival in county B, for B's officer to confirm naming A's household
        String arrivalB = idNumber();
        mvc.perform(post("/api/v1/arrivals").contentType(MediaType.APPLICATION_JSON).content("""
                {"village":"%s","name":"自登","idNumber":"%s","phone":"13900001113","origin":"河南","arrivedOn":"%s","address":"x"}"""
                .formatted(villageB, arrivalB, LocalDate.now())));
        long rowB = jdbc.sql("select o.id from outsider o join person p on p.id = o.person_id where p.id_masked = :m and o.jurisdiction_code = :v")
                .param("m", IdCardNumber.parse(arrivalB).masked()).param("v", villageB).query(Long.class).single();
        Map<String, String> urls = Map.of("POST /api/v1/outsiders/{id}/confirm householdId", "/api/v1/outsiders/" + rowB + "/confirm");
        Map<String, String> bodies = Map.of(
                "POST /api/v1/outsiders/{id}/confirm householdId", """
                        {"jurisdiction":"%s","origin":"河南","arrivedOn":"%s","address":"x","householdId":%s}"""
                        .formatted(villageB, LocalDate.now(), ids.get("households")),
                "POST /api/v1/cases hospitalId", "{\"status\":\"CONFIRMED\",\"jurisdiction\":\"" + villageB + "\",\"hospitalId\":" + ids.get("hospitals") + "}",
                "POST /api/v1/cases observationOrderId", "{\"status\":\"SUSPECTED\",\"jurisdiction\":\"" + villageB
                        + "\",\"observationOrderId\":" + ids.get("observation-orders") + "}",
                "POST /api/v1/outsiders householdId", """
                        {"jurisdiction":"%s","name":"外来","phone":"13900001111","origin":"河南","arrivedOn":"%s","address":"x","householdId":%s}"""
                        .formatted(villageB, LocalDate.now(), ids.get("households")),
                "POST /api/v1/observation-orders householdId", """
                        {"name":"观察","phone":"13900001112","reason":"OFFICER","anchorDate":"%s","jurisdiction":"%s","address":"x","householdId":%s}"""
                        .formatted(LocalDate.now(), villageB, ids.get("households")),
                "POST /api/v1/clusters caseIds", "{\"setting\":\"FAMILY\",\"name\":\"x\",\"jurisdiction\":\"" + villageB + "\",\"caseIds\":["
                        + caseB + "," + ids.get("cases") + "]}");
        List<String> failures = new ArrayList<>();
        bodyRoutes.removeIf(route -> PUBLIC_BODIES.stream().anyMatch(route::startsWith));
        for (String route : bodyRoutes) {
            String body = bodies.get(route);
            assertThat(body).as("no body for " + route + ": add one to this test").isNotNull();
            String[] parts = route.split(" ");
            int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), urls.getOrDefault(route, parts[1]))
                    .header("Authorization", "Bearer " + officerB)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
            if (status != 404) {
                failures.add(route + " → " + status);
            }
        }
        assertThat(idFields).contains("hospitalId", "householdId", "observationOrderId", "caseIds");
        assertThat(failures).isEmpty();
        // the merge body names two persons: one of another county is a 404 too
        int merge = mvc.perform(post("/api/v1/persons/merge").header("Authorization", "Bearer " + officerB)
                .contentType(MediaType.APPLICATION_JSON).content("{\"kept\":" + ids.get("persons") + ",\"merged\":" + ids.get("persons")
                        + "1,\"reason\":\"x\"}")).andReturn().getResponse().getStatus();
        assertThat(merge).isEqualTo(404);
    }
}
