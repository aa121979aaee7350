package org.fangkong.common.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.FangkongApplication;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module event survives the work dying between the publisher's commit and its listener: an arrival
 * from a key area is registered while observation cannot open orders (a trigger fails the listener's
 * transaction mid-way), the platform stops, and the order opens when it starts again on the same data (the
 * cluster task that resubmits runs at once on start).
 */
class ModuleEventRecoveryTest {

    private static final String VILLAGE = "370102001002";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOutsidersObservationOrderOpensAfterARestart() throws Exception {
        String dataDir = "target/test-data/events-" + UUID.randomUUID();
        long outsiderId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("""
                    create function refuse_order() returns trigger language plpgsql as $$
                    begin raise exception 'the observation module died mid-way'; end $$;
                    create trigger refuse_order before insert on observation_order for each row execute function refuse_order();
                    """).update();
            String base = base(first);
            String admin = token(base);
            LocalDate arrived = ShanghaiTime.today(first.getBean(Clock.class)).minusDays(2);
            String first17 = "370102" + "19800303" + "217";
            HttpResponse<String> created = send(base, admin, "POST", "/api/v1/outsiders", """
                    {"jurisdiction":"%s","name":"陈刚","idNumber":"%s","origin":"湖北省武汉市江岸区","originCode":"420102",
                     "arrivedOn":"%s","address":"3号院"}""".formatted(VILLAGE, first17 + IdCardNumber.checkCharacter(first17), arrived));
            assertThat(created.statusCode()).isEqualTo(201);
            outsiderId = ((Number) JsonPath.read(created.body(), "$.id")).longValue();

            // the registration is kept, the order is not there, the event waits, and admins see it
            assertThat(orders(jdbc, outsiderId)).isZero();
            HttpResponse<String> waiting = send(base, admin, "GET", "/api/v1/event-publications", null);
            assertThat(waiting.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(waiting.body(), "$[*].eventType"))
                    .contains("org.fangkong.ledger.OutsiderRegistered");
            assertThat(JsonPath.<List<String>>read(waiting.body(), "$[*].listener"))
                    .anySatisfy(l -> assertThat(l).contains("ObservationOrders"));
            assertThat(waiting.body()).doesNotContain("陈刚").doesNotContain(first17);

            jdbc.sql("drop trigger refuse_order on observation_order; drop function refuse_order()").update();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (orders(jdbc, outsiderId) == 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(orders(jdbc, outsiderId)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class).single()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        // command-line arguments: they win over the test profile's own data directory
        return new SpringApplicationBuilder(FangkongApplication.class).profiles("test")
                .run("--fangkong.data-dir=" + dataDir, "--server.port=0", "--fangkong.events.resubmit-every=PT1H",
                        "--fangkong.events.resubmit-older-than=PT1S");
    }

    private static long orders(JdbcClient jdbc, long outsiderId) {
        return jdbc.sql("select count(*) from observation_order where source = :s")
                .param("s", "outsider:" + outsiderId).query(Long.class).single();
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private String token(String base) throws Exception {
        HttpResponse<String> r = send(base, null, "POST", "/api/v1/tokens",
                "{\"username\":\"admin\",\"password\":\"admin-test-password\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        return JsonPath.read(r.body(), "$.token");
    }

    private HttpResponse<String> send(String base, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
