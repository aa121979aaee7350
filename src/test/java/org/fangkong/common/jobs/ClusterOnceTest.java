package org.fangkong.common.jobs;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fangkong.cases.CaseRecorded;
import org.fangkong.cases.CaseStatus;
import org.fangkong.testsupport.SharedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances on one database (issue 20): a cluster task runs on one of them at a time, never on two at
 * once; an event whose instance died before its listener completed is completed once, by one of the others;
 * a module event marked {@code @Externalized} reaches its Kafka topic, keyed, as JSON without personal data.
 */
class ClusterOnceTest {

    private static EmbeddedKafkaKraftBroker kafka;
    private static SharedDatabase db;
    private static ConfigurableApplicationContext dying;
    private static final List<ConfigurableApplicationContext> live = new ArrayList<>();
    private static int managementPort;

    /** A test's own module event; its listener records which instance ran it. */
    record Probe(String id) {
    }

    /** The test's beans in each instance, outside the platform's modules. */
    @Configuration(proxyBeanMethods = false)
    static class ProbeBeans {

        @Bean
        ProbeListener probeListener(JdbcClient jdbc, InstanceName instance, Environment env) {
            return new ProbeListener(jdbc, instance, Boolean.parseBoolean(env.getProperty("probe.dying", "false")));
        }
    }

    static class ProbeListener {
        private final JdbcClient jdbc;
        private final InstanceName instance;
        private final boolean dying;

        ProbeListener(JdbcClient jdbc, InstanceName instance, boolean dying) {
            this.jdbc = jdbc;
            this.instance = instance;
            this.dying = dying;
        }

        @ApplicationModuleListener
        void on(Probe probe) {
            if (dying) {
                throw new IllegalStateException("this instance dies before the listener completes");
            }
            jdbc.sql("insert into probe.event_run (probe, instance) values (:p, :i)").param("p", probe.id())
                    .param("i", instance.value()).update();
        }

        @ClusterScheduled(name = "probe-task", fixedDelay = "PT0.3S")
        void task() throws InterruptedException {
            Instant started = Instant.now();
            Thread.sleep(150);
            jdbc.sql("insert into probe.task_run (instance, started, ended) values (:i, :s, now())").param("i", instance.value())
                    .param("s", Timestamp.from(started)).update();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 3).kafkaPorts(0);
        kafka.afterPropertiesSet();
        db = new SharedDatabase();
        try (Connection c = DriverManager.getConnection(db.url(), "postgres", "")) {
            c.createStatement().execute("""
                    create schema probe;
                    create table probe.event_run (probe text, instance text, at timestamptz default now());
                    create table probe.task_run (instance text, started timestamptz, ended timestamptz);
                    """);
        }
        Class<?>[] beans = {ProbeBeans.class};
        String[] settings = {"--fangkong.kafka.bootstrap=" + kafka.getBrokersAsString(), "--fangkong.events.resubmit-every=PT1S",
                "--fangkong.events.resubmit-older-than=PT1S", "--fangkong.tasks.poll-every=PT0.2S"};
        dying = db.start("dying", beans, concat(settings, "--probe.dying=true"));
        live.add(db.start("second", beans, settings));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        managementPort = port;
        live.add(db.start("third", beans, concat(concat(settings, "--management.server.port=" + port),
                "--management.server.address=127.0.0.1")));
    }

    private static String[] concat(String[] a, String b) {
        String[] all = Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        kafka.destroy();
    }

    @Test
    void aClusterTaskRunsOnOneInstanceAtATime() throws Exception {
        Thread.sleep(6000);
        JdbcClient jdbc = live.get(0).getBean(JdbcClient.class);
        record Run(String instance, Instant started, Instant ended) {
        }
        List<Run> runs = jdbc.sql("select instance, started, ended from probe.task_run order by started")
                .query((rs, n) -> new Run(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant())).list();
        assertThat(runs).hasSizeGreaterThan(5);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).started()).as("run %d starts after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(runs.get(i - 1).ended());
        }
        // three instances each running it on their own every 0.3 s would have made about three times as many
        assertThat(runs.size()).isLessThan((int) (Duration.ofSeconds(60).toMillis() / 450));
    }

    @Test
    void anEventWhoseInstanceDiedIsCompletedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        dying.getBean(TransactionTemplate.class).executeWithoutResult(s -> dying.publishEvent(new Probe(id)));
        dying.close(); // its listener failed; the publication is in the table, incomplete
        JdbcClient jdbc = live.get(0).getBean(JdbcClient.class);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runsOf(jdbc, id) == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(4000); // several more resubmission rounds on both instances
        assertThat(runsOf(jdbc, id)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from event_publication where completion_date is null and event_type like '%Probe'
                """).query(Long.class).single()).isZero();
    }

    @Test
    void anExternalizedEventReachesItsTopic() throws Exception {
        ConfigurableApplicationContext instance = live.get(0);
        instance.getBean(TransactionTemplate.class).executeWithoutResult(s -> instance.publishEvent(new CaseRecorded(987654, "370102001002", CaseStatus.CONFIRMED, LocalDate.of(2020, 2, 20))));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(), ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("fangkong.cases.v1"));
            ConsumerRecord<String, String> found = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (found == null && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value().contains("987654")) {
                        found = r;
                    }
                }
            }
            assertThat(found).isNotNull();
            assertThat(found.key()).isEqualTo("370102001002");
            assertThat(found.value()).contains("\"caseId\":987654").contains("\"status\":\"CONFIRMED\"").contains("2020-02-20");
        }
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutATokenAndThePublicPortOnlyWithOne() throws Exception {
        Thread.sleep(1500); // a few runs of the probe task
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("fangkong_checkins_queue").contains("fangkong_checkins_accepted_total")
                .contains("hikaricp_connections_active");
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(
                URI.create(SharedDatabase.base(live.get(0)) + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(401);
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(
                URI.create(SharedDatabase.base(live.get(0)) + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + db.adminToken(live.get(0))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(200);
        // job durations: the cluster tasks' runs, timed wherever they ran
        String all = scraped.body() + admin.body();
        assertThat(all).containsPattern("fangkong_tasks_seconds_count\\{[^}]*task=\"probe-task\"");
    }

    private static long runsOf(JdbcClient jdbc, String id) {
        return jdbc.sql("select count(*) from probe.event_run where probe = :p").param("p", id).query(Long.class).single();
    }
}
