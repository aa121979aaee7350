package org.fangkong.checkin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.testsupport.SharedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.fangkong.venue.PublicVenue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Check-ins through Kafka on two instances of one database (issue 20): a real KRaft broker in this JVM, the
 * public API on both instances, one instance shut down while scans are arriving. Every acknowledged scan is
 * stored exactly once under the id the citizen was given, automatic check-outs are those a single writer
 * would have made, the daily cap counts across instances, and a redelivered scan makes no second visit.
 */
class CheckinKafkaClusterTest {

    private static final int PHONES = 400;
    private static final int SCANS = 10_000;
    private static final String CAPPED_PHONE = "17490000999";

    private static EmbeddedKafkaKraftBroker kafka;
    private static SharedDatabase db;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    /** One acknowledged scan: what the citizen was told. */
    record Ack(String phone, String id, Instant in, Instant out, String reason) {
    }

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 6).kafkaPorts(0);
        kafka.afterPropertiesSet();
        db = new SharedDatabase();
        String[] settings = {"--fangkong.kafka.bootstrap=" + kafka.getBrokersAsString(), "--fangkong.kafka.checkin-partitions=6",
                "--fangkong.checkin.ip-burst=1000000", "--fangkong.checkin.ip-per-minute=1000000"};
        first = db.start("first", settings);
        second = db.start("second", settings);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        kafka.destroy();
    }

    @Test
    void tenThousandScansOverTwoInstancesOneShutDownMidWay() throws Exception {
        String token = db.adminToken(first);
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = db.post(SharedDatabase.base(first) + "/api/v1/venues", token, """
                    {"name":"集群场所 %d","type":"SUPERMARKET","jurisdiction":"370102001002","address":"经十路 %d 号"}"""
                    .formatted(i, i));
            assertThat(r.statusCode()).isEqualTo(201);
            venues.add(JsonPath.read(r.body(), "$.code"));
        }
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            phones.add("1749%07d".formatted(i + 1000));
        }
        // each client thread owns some phones and scans with each in turn, one at a time: a phone's scans
        // reach the topic in the order they were made, as a person's do
        List<String> bases = List.of(SharedDatabase.base(first), SharedDatabase.base(second));
        Map<String, List<Ack>> acks = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failedAttempts = new AtomicInteger();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            clients.add(pool.submit(() -> {
                List<String> own = phones.stream().filter(p -> phones.indexOf(p) % threads == thread).toList();
                for (int scan = 0; scan < SCANS / threads; scan++) {
                    int n = scan * threads + thread;
                    String phone = thread == 0 && scan < 55 ? CAPPED_PHONE : own.get(scan % own.size());
                    String venue = venues.get(scan % venues.size());
                    for (int attempt = 0; ; attempt++) {
                        // round robin over the instances; one that is down is skipped, as a balancer would
                        String base = bases.get((n + attempt) % 2);
                        if (base.equals(bases.get(0)) && !first.isActive()) {
                            continue;
                        }
                        try {
                            HttpResponse<String> r = db.post(base + "/api/v1/checkins", null,
                                    "{\"venueCode\":\"%s\",\"phone\":\"%s\"}".formatted(venue, phone));
                            if (r.statusCode() == 201) {
                                acks.computeIfAbsent(phone, p -> new ArrayList<>()).add(new Ack(phone, JsonPath.read(r.body(), "$.id"),
                                        Instant.parse(JsonPath.read(r.body(), "$.checkedInAt")),
                                        Instant.parse(JsonPath.read(r.body(), "$.checkedOutAt")),
                                        JsonPath.read(r.body(), "$.checkoutReason")));
                                done.incrementAndGet();
                                break;
                            }
                            failedAttempts.incrementAndGet();
                        } catch (Exception e) {
                            failedAttempts.incrementAndGet(); // the instance went away under this request
                        }
                        assertThat(attempt).as("attempts of one scan").isLessThan(50);
                    }
                }
                return null;
            }));
        }
        while (done.get() < SCANS / 2) {
            Thread.sleep(20);
        }
        first.close(); // mid-way: its web server drains, its consumers stop, the other instance takes their partitions
        for (Future<?> c : clients) {
            c.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(done.get()).isEqualTo(SCANS);
        MeterRegistry meters = second.getBean(MeterRegistry.class);
        assertThat(meters.get("fangkong.checkins.accepted").tag("path", "kafka").counter().count()).isGreaterThan(SCANS / 4.0);

        JdbcClient jdbc = second.getBean(JdbcClient.class);
        PiiSealer sealer = second.getBean(PiiSealer.class);
        Map<String, String> phoneOfHash = new ConcurrentHashMap<>();
        acks.keySet().forEach(p -> phoneOfHash.put(HexFormat.of().formatHex(sealer.hash(PhoneNumber.parse(p).value())), p));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stored(jdbc) < SCANS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // nothing more arrives
        assertThat(meters.get("fangkong.checkins.consumed").counter().count()).isPositive();
        // consumer lag is reported from the Kafka client's own metrics (a windowed maximum, so no value is asserted)
        assertThat(meters.get("kafka.consumer.fetch.manager.records.lag.max").gauges())
                .anySatisfy(g -> assertThat(g.value()).isGreaterThanOrEqualTo(0.0));
        record Row(String phone, String id, Instant in, Instant out, String reason, boolean overCap) {
        }
        VisitIds ids = second.getBean(VisitIds.class);
        List<Row> rows = jdbc.sql("""
                        select c.phone_hash, c.day, c.id, c.checked_in_at, c.checked_out_at, c.checkout_reason, c.over_cap
                        from checkin c join venue v on v.id = c.venue_id where v.name like '集群场所%'
                        """)
                .query((rs, n) -> new Row(phoneOfHash.get(HexFormat.of().formatHex(rs.getBytes(1))),
                        ids.encode(rs.getDate(2).toLocalDate(), rs.getLong(3)), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getBoolean(7)))
                .list();

        // zero lost, zero duplicated: the stored visits are exactly the acknowledged ones, under their ids
        assertThat(rows).hasSize(SCANS);
        Set<String> ackedIds = acks.values().stream().flatMap(List::stream).map(Ack::id).collect(Collectors.toSet());
        assertThat(ackedIds).hasSize(SCANS);
        assertThat(rows.stream().map(Row::id).collect(Collectors.toSet())).isEqualTo(ackedIds);
        assertThat(failedAttempts.get()).as("scans refused or cut off while the first instance went away").isLessThan(SCANS / 10);

        // automatic check-outs: each phone's visits end where one writer would have ended them
        Map<String, List<Row>> byPhone = rows.stream().collect(Collectors.groupingBy(Row::phone));
        for (Map.Entry<String, List<Ack>> e : acks.entrySet()) {
            List<Ack> told = e.getValue().stream().sorted(Comparator.comparing(Ack::in)).toList();
            Map<String, Row> stored = byPhone.get(e.getKey()).stream().collect(Collectors.toMap(Row::id, r -> r));
            for (int i = 0; i < told.size(); i++) {
                Ack a = told.get(i);
                Row r = stored.get(a.id());
                assertThat(r.in()).isEqualTo(a.in());
                boolean endedByNext = i + 1 < told.size() && told.get(i + 1).in().isBefore(a.out());
                if (endedByNext) {
                    assertThat(r.out()).as("visit %s ends at the next check-in", a.id()).isEqualTo(told.get(i + 1).in());
                    assertThat(r.reason()).isEqualTo("NEXT");
                } else {
                    assertThat(r.out()).isEqualTo(a.out());
                    assertThat(r.reason()).isEqualTo(a.reason());
                }
                assertThat(ShanghaiTime.dayOf(r.in())).isEqualTo(ShanghaiTime.dayOf(a.in()));
            }
        }
        // the daily cap counts the phone's scans on both instances: 55 scans, the last 5 over the cap of 50
        // (unless the test ran across midnight in Shanghai, when the day starts a new count)
        List<Row> capped = byPhone.get(CAPPED_PHONE);
        if (capped.stream().map(r -> ShanghaiTime.dayOf(r.in())).distinct().count() == 1) {
            List<Row> inOrder = capped.stream().sorted(Comparator.comparing(Row::in)).toList();
            assertThat(inOrder).hasSize(55);
            assertThat(inOrder.subList(0, 50)).noneMatch(Row::overCap);
            assertThat(inOrder.subList(50, 55)).allMatch(Row::overCap);
        }
    }

    @Test
    void aRedeliveredScanIsNoSecondVisit() throws Exception {
        ConfigurableApplicationContext live = second.isActive() ? second : first;
        JdbcClient jdbc = live.getBean(JdbcClient.class);
        PiiSealer sealer = live.getBean(PiiSealer.class);
        long venue = jdbc.sql("select id from venue order by id limit 1").query(Long.class).optional()
                .orElseGet(() -> createVenue(live));
        long id = jdbc.sql("select nextval('checkin_id_seq')").query(Long.class).single();
        String phone = "17490005555";
        Instant at = ScanMessage.truncate(Instant.now());
        ScanMessage m = new ScanMessage(id, venue, at, at.plusSeconds(1800), CheckoutReason.STAY, PhoneNumber.parse(phone).masked(),
                sealer.hash(phone), sealer.encrypt(phone));
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> template = live.getBean("checkinTemplate", KafkaTemplate.class);
        String key = HexFormat.of().formatHex(m.hash());
        template.send("fangkong.checkins.v1", key, m.encode()).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(jdbc, id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count(jdbc, id)).isEqualTo(1);
        // the same message again, as after a crash before the offset commit, and a later scan behind it
        template.send("fangkong.checkins.v1", key, m.encode()).get(10, TimeUnit.SECONDS);
        long laterId = jdbc.sql("select nextval('checkin_id_seq')").query(Long.class).single();
        Instant later = at.plusSeconds(60);
        template.send("fangkong.checkins.v1", key, new ScanMessage(laterId, venue, later, later.plusSeconds(1800), CheckoutReason.STAY,
                m.masked(), m.hash(), m.sealed()).encode()).get(10, TimeUnit.SECONDS);
        while (count(jdbc, laterId) == 0 && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(50);
        }
        assertThat(count(jdbc, id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from checkin where phone_hash = :h").param("h", m.hash()).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select checkout_reason || ' ' || (checked_out_at = :t) from checkin where id = :id")
                .param("t", Timestamp.from(later)).param("id", id).query(String.class).single()).isEqualTo("NEXT true");
    }

    @Test
    void thePublicPageShowsTheVisitAndChecksItOutWhileItIsOnItsWayThroughKafka() throws Exception {
        ConfigurableApplicationContext scanned = second;
        ConfigurableApplicationContext shown = first.isActive() ? first : second;
        HttpResponse<String> venue = db.post(SharedDatabase.base(scanned) + "/api/v1/venues", db.adminToken(scanned), """
                {"name":"页面场所","type":"SUPERMARKET","jurisdiction":"370102001002","address":"经十路 2 号"}""");
        String code = JsonPath.read(venue.body(), "$.code");
        HttpClient http = HttpClient.newHttpClient(); // does not follow redirects
        HttpResponse<String> scan = http.send(HttpRequest.newBuilder(URI.create(SharedDatabase.base(scanned) + "/c/" + code))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("phone=17490007777")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scan.statusCode()).isEqualTo(302);
        String page = URI.create(scan.headers().firstValue("Location").orElseThrow()).getPath();
        String id = page.substring(page.lastIndexOf('/') + 1);
        // the page may be asked of another instance at once: it waits for the consumer instead of saying "not found"
        HttpResponse<String> visit = http.send(HttpRequest.newBuilder(URI.create(SharedDatabase.base(shown) + page)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(visit.statusCode()).isEqualTo(200);
        assertThat(visit.body()).contains("页面场所").contains(PhoneNumber.parse("17490007777").masked());
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(SharedDatabase.base(shown) + page + "/checkout"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        VisitIds.Key key = shown.getBean(VisitIds.class).decode(id).orElseThrow();
        assertThat(shown.getBean(JdbcClient.class).sql("select checkout_reason from checkin where day = :d and id = :id")
                .param("d", key.day()).param("id", key.id()).query(String.class).single()).isEqualTo("MANUAL");
    }

    @Test
    void aScanTheBrokersDoNotTakeIsRefusedInWordsAndNotStored() {
        ConfigurableApplicationContext live = second.isActive() ? second : first;
        JdbcClient jdbc = live.getBean(JdbcClient.class);
        // a producer with the front door's settings, towards a port where no broker listens
        KafkaTemplate<String, byte[]> nowhere = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                CheckinStreamConfig.producerConfig(Map.of("bootstrap.servers", "127.0.0.1:1"))));
        CheckinStream stream = new CheckinStream(nowhere, "fangkong.checkins.v1", new VisitIdBlocks(jdbc), live.getBean(VisitIds.class),
                live.getBean(PiiSealer.class), jdbc);
        PublicVenue venue = new PublicVenue(1, "code", "无处场所", 30, true, "");
        long started = System.nanoTime();
        assertThatThrownBy(() -> stream.publish(venue, PhoneNumber.parse("17490008888"), Instant.now(), null))
                .isInstanceOfSatisfying(CheckinRefused.class, e -> assertThat(e.reason()).isEqualTo(CheckinRefused.Reason.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        nowhere.getProducerFactory().reset();
        String message = live.getBean(MessageSource.class).getMessage("checkin.refused.UNAVAILABLE", null, Locale.SIMPLIFIED_CHINESE);
        assertThat(message).contains("未记录");
    }

    private static long createVenue(ConfigurableApplicationContext live) {
        try {
            HttpResponse<String> r = db.post(SharedDatabase.base(live) + "/api/v1/venues", db.adminToken(live), """
                    {"name":"重投场所","type":"SUPERMARKET","jurisdiction":"370102001002","address":"经十路 1 号"}""");
            return ((Number) JsonPath.read(r.body(), "$.id")).longValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(JdbcClient jdbc, long id) {
        return jdbc.sql("select count(*) from checkin where id = :id").param("id", id).query(Long.class).single();
    }

    private static long stored(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from checkin c join venue v on v.id = c.venue_id where v.name like '集群场所%'")
                .query(Long.class).single();
    }
}
