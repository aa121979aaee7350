package org.fangkong.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Role;
import org.fangkong.person.PersonIdentity;
import org.fangkong.person.PersonRegistry;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two writers at the same moment (issue 12, item 11): each race ends with one row and a clear
 * answer for the loser (409), never a duplicate and never a 500. Each case runs several rounds of
 * two threads released together.
 */
@FangkongTest
class TwoAtOnceTest {

    static final String VILLAGE = "370102001002";
    private static final AtomicInteger SEQ = new AtomicInteger(3_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonRegistry registry;
    @Autowired
    PlatformTransactionManager tx;

    static String id() {
        String first17 = "370102" + LocalDate.of(1971, 5, 1).plusDays(SEQ.incrementAndGet()).toString().replace("-", "") + "913";
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static String phone() {
        return "138" + String.format("%08d", 93_000_000 + SEQ.incrementAndGet());
    }

    /** Runs both at once (released by a barrier) and answers their results in order. */
    static <T> List<T> together(Callable<T> a, Callable<T> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return c.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    MvcResult postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andReturn();
    }

    static List<Integer> statuses(List<MvcResult> results) {
        return results.stream().map(r -> r.getResponse().getStatus()).sorted().toList();
    }

    @Test
    void aResidentAddedTwiceAtOnceIsOneMemberAndOneConflict() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        for (int round = 0; round < 5; round++) {
            String h = postJson("/api/v1/households", worker, "{\"jurisdiction\":\"" + VILLAGE + "\",\"address\":\"并发 "
                    + SEQ.incrementAndGet() + " 号\"}").getResponse().getContentAsString();
            long household = ((Number) JsonPath.read(h, "$.id")).longValue();
            String body = "{\"name\":\"并发人\",\"idNumber\":\"" + id() + "\",\"relation\":\"HEAD\",\"residence\":\"LIVING\"}";
            String url = "/api/v1/households/" + household + "/residents";
            List<MvcResult> r = together(() -> postJson(url, worker, body), () -> postJson(url, worker, body));
            assertThat(statuses(r)).containsExactly(201, 409);
            assertThat(jdbc.sql("select count(*) from resident where household_id = :h").param("h", household)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aHouseholdCreatedTwiceAtOnceIsOneHousehold() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        for (int round = 0; round < 5; round++) {
            String body = "{\"jurisdiction\":\"" + VILLAGE + "\",\"building\":\"2号楼\",\"address\":\"同址 " + SEQ.incrementAndGet() + "\"}";
            List<MvcResult> r = together(() -> postJson("/api/v1/households", worker, body),
                    () -> postJson("/api/v1/households", worker, body));
            assertThat(statuses(r)).allMatch(s -> s < 300);
            assertThat((Object) JsonPath.read(r.get(0).getResponse().getContentAsString(), "$.id"))
                    .isEqualTo(JsonPath.read(r.get(1).getResponse().getContentAsString(), "$.id"));
        }
    }

    @Test
    void aPersonKnownByPhoneAloneRegisteredTwiceAtOnceIsOnePerson() throws Exception {
        for (int round = 0; round < 5; round++) {
            String phone = phone();
            Callable<Long> resolve = () -> new TransactionTemplate(tx).execute(s ->
                    registry.resolve(PersonRegistry.check(new PersonIdentity("来电人", null, phone))));
            List<Long> ids = together(resolve, resolve);
            assertThat(ids.get(0)).isEqualTo(ids.get(1));
        }
    }

    @Test
    void anAlertHandledTwiceAtOnceOpensOneCase() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102001"));
        for (int round = 0; round < 3; round++) {
            String idNumber = id();
            String opened = postJson("/api/v1/observation-orders", officer, """
                    {"name":"发热人","idNumber":"%s","reason":"OFFICER","anchorDate":"%s","jurisdiction":"%s","address":"发热 1 号"}"""
                    .formatted(idNumber, LocalDate.now().minusDays(2), VILLAGE)).getResponse().getContentAsString();
            long order = ((Number) JsonPath.read(opened, "$.order.id")).longValue();
            long person = ((Number) JsonPath.read(opened, "$.order.personId")).longValue();
            postJson("/api/v1/observation-orders/" + order + "/readings", officer, "{\"half\":\"MORNING\",\"temperature\":38.2}");
            String alerts = mvc.perform(get("/api/v1/observation-alerts").header("Authorization", "Bearer " + officer))
                    .andReturn().getResponse().getContentAsString();
            long alert = ((Number) JsonPath.<List<Object>>read(alerts, "$[?(@.orderId == %d)].id".formatted(order)).get(0)).longValue();
            String url = "/api/v1/observation-alerts/" + alert + "/outcome";
            String body = "{\"outcome\":\"FEVER_CLINIC\",\"suspectedCase\":true}";
            List<MvcResult> r = together(() -> postJson(url, officer, body), () -> postJson(url, officer, body));
            assertThat(statuses(r)).containsExactly(200, 409);
            assertThat(jdbc.sql("select count(*) from case_record where person_id = :p").param("p", person)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aCaseChangedTwiceAtOnceTakesOneChange() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        for (int round = 0; round < 3; round++) {
            String created = postJson("/api/v1/cases", officer, """
                    {"name":"病例乙","idNumber":"%s","status":"SUSPECTED","jurisdiction":"%s"}""".formatted(id(), VILLAGE))
                    .getResponse().getContentAsString();
            long caseId = ((Number) JsonPath.read(created, "$.id")).longValue();
            String url = "/api/v1/cases/" + caseId + "/status";
            List<MvcResult> r = together(() -> postJson(url, officer, "{\"status\":\"CONFIRMED\"}"),
                    () -> postJson(url, officer, "{\"status\":\"CONFIRMED\"}"));
            assertThat(statuses(r)).containsExactly(200, 409);
            assertThat(jdbc.sql("select count(*) from case_event where case_id = :c and status = 'CONFIRMED'").param("c", caseId)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }
}
