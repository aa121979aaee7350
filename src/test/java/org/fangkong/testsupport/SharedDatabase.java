package org.fangkong.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.fangkong.FangkongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several platform instances on one PostgreSQL, as in production: the database is started here (it outlives
 * any instance) and every instance is a full application context on a port of its own that uses it as an
 * external database. For the scale-out tests.
 */
public final class SharedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public SharedDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "120").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Starts one more instance with the test profile and these extra settings ("--name=value"). */
    public ConfigurableApplicationContext start(String name, String... settings) {
        return start(name, new Class<?>[0], settings);
    }

    /** As {@link #start(String, String...)}, with more configuration classes (a test's own beans). */
    public ConfigurableApplicationContext start(String name, Class<?>[] sources, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--fangkong.db.url=" + url(), "--fangkong.db.user=postgres",
                "--fangkong.db.password=", "--fangkong.data-dir=target/test-data/" + name + "-" + UUID.randomUUID(),
                "--spring.application.name=" + name));
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FangkongApplication.class).sources(sources)
                .profiles("test")
                .run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    public static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A bearer token of the first admin. */
    public String adminToken(ConfigurableApplicationContext context) throws Exception {
        HttpResponse<String> r = post(base(context) + "/api/v1/tokens", null,
                "{\"username\":\"admin\",\"password\":\"admin-test-password\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("sign-in answered " + r.statusCode());
        }
        return JsonPath.read(r.body(), "$.token");
    }

    public HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException {
        for (ConfigurableApplicationContext c : instances) {
            if (c.isActive()) {
                c.close();
            }
        }
        postgres.close();
    }
}
