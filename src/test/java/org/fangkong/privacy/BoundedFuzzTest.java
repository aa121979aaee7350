package org.fangkong.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * A bounded fuzz run over every API route of the OpenAPI document and the public pages (issue 12):
 * wrong types, huge strings, NUL bytes, invalid UTF-8, broken JSON and random form fields, from a
 * fixed seed. Never a 5xx, and a refused request never leaves a row behind.
 */
@FangkongTest
class BoundedFuzzTest {

    static final long SEED = 20_201_224L;
    static final int PER_OPERATION = 28;
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** The tables a request may write; a refused request must leave their counts as they were. */
    static final String ROWS = Stream.of("person", "person_record", "household", "resident", "outsider",
                    "checkpoint", "passage", "observation_order", "observation_reading", "case_record", "case_event", "venue",
                    "match_list", "daily_report", "cluster", "designated_hospital", "layout_map", "staff_user", "duty_shift",
                    "proxy_batch", "proxy_order", "supervision_visit", "supervision_finding", "supervision_photo", "offline_entry")
            .map(t -> "'" + t + "=' || (select count(*) from " + t + ")").collect(Collectors.joining(" || ' ' || ",
                    "select ", ""));


    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Venues venues;

    final Random random = new Random(SEED);

    /** A value of a random kind: what a careless or hostile client might send where anything is expected. */
    Object junk() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> Long.MAX_VALUE;
            case 3 -> -1.5e308;
            case 4 -> true;
            case 5 -> "x".repeat(20_000 + random.nextInt(80_000));
            case 6 -> "a\u0000b";
            case 7 -> "'; drop table person; --";
            case 8 -> List.of(1, "2", List.of());
            case 9 -> Map.of("nested", "object");
            case 10 -> "2020-02-30T25:61:00";
            default -> "supermarket";
        };
    }

    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(",", l.stream().map(BoundedFuzzTest::json).toList()) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            return "{" + String.join(",", m.entrySet().stream().map(e -> json(e.getKey()) + ":" + json(e.getValue())).toList()) + "}";
        }
        return String.valueOf(v);
    }

    /** A body for an operation: its schema's fields filled with junk, or broken bytes outright. */
    byte[] body(List<String> fields) {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"a\":".getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            default -> {
                StringBuilder b = new StringBuilder("{");
                for (String f : fields) {
                    if (random.nextInt(4) > 0) {
                        b.append(b.length() > 1 ? "," : "").append(json(f)).append(':').append(json(junk()));
                    }
                }
                yield b.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    String pathValue() {
        return switch (random.nextInt(5)) {
            case 0 -> "1";
            case 1 -> "-1";
            case 2 -> "99999999999999999999";
            case 3 -> "%00";
            default -> "abc";
        };
    }

    @Test
    void noRouteAnswers5xxOrLeavesARowBehindWhenRefused() throws Exception {
        String admin = Staff.token(mvc, staff.create(Role.ADMIN, "37"));
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102001002"));
        var session = Staff.login(mvc, staff.create(Role.ADMIN, "37"));
        String doc = mvc.perform(get("/v3/api-docs").session(session)).andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
        Map<String, Map<String, Object>> schemas = JsonPath.read(doc, "$.components.schemas");
        String venue = venues.create(new VenueForm("模糊超市", VenueType.SUPERMARKET, "370102001002", "", null),
                new Actor(0, "fuzz", "fuzz", Role.ADMIN, "37", "37")).code();

        List<String> failures = new ArrayList<>();
        Set<String> fuzzed = new TreeSet<>();
        int requests = 0;
        for (var entry : paths.entrySet()) {
            String template = entry.getKey();
            fuzzed.add(template);
            for (var op : entry.getValue().entrySet()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                List<String> fields = new ArrayList<>();
                List<String> refs = JsonPath.read(op.getValue(), "$..requestBody..['$ref']");
                for (String ref : refs) {
                    Object props = schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of()).get("properties");
                    if (props instanceof Map<?, ?> p) {
                        p.keySet().forEach(k -> fields.add(k.toString()));
                    }
                }
                List<String> params = JsonPath.read(op.getValue(), "$..parameters[?(@.in == 'query')].name");
                for (int i = 0; i < PER_OPERATION; i++) {
                    String url = template;
                    Matcher m = PARAM.matcher(template);
                    while (m.find()) {
                        url = url.replace(m.group(), pathValue());
                    }
                    MockHttpServletRequestBuilder b = request(method, url)
                            .header("Authorization", "Bearer " + (random.nextBoolean() ? admin : worker));
                    for (String p : params) {
                        if (random.nextBoolean()) {
                            Object v = junk();
                            b.param(p, v == null ? "" : String.valueOf(v).substring(0, Math.min(2_000, String.valueOf(v).length())));
                        }
                    }
                    if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
                        b.contentType(random.nextInt(8) == 0 ? "application/octet-stream" : "application/json").content(body(fields));
                    }
                    requests += check(b, method + " " + template, failures);
                }
            }
        }
        // the public pages: the venue's check-in form, a visit, a personal link, sign-in, with random form fields
        for (int i = 0; i < 60; i++) {
            String[] pages = {"/c/" + venue, "/c/" + venue + "/v/" + pathValue(), "/o/" + pathValue(), "/login", "/c/" + pathValue()};
            String page = pages[random.nextInt(pages.length)];
            MockHttpServletRequestBuilder b = request(random.nextBoolean() ? HttpMethod.POST : HttpMethod.GET, page)
                    .with(SecurityMockMvcRequestPostProcessors.csrf());
            for (String f : new String[] {"phone", "temperature", "half", "symptoms", "username", "password", "name"}) {
                if (random.nextBoolean()) {
                    Object v = junk();
                    b.param(f, v == null ? "" : String.valueOf(v));
                }
            }
            requests += check(b, page.replaceAll("/[^/]+$", "/…"), failures);
        }
        assertThat(failures).as("requests that broke the service or half-wrote").isEmpty();
        // routes added with the livelihood, command and offline modules are in the run (the document lists them)
        assertThat(fuzzed).contains("/api/v1/proxy-batches/{id}/delivered", "/api/v1/proxy-orders/{id}/payment",
                "/api/v1/supervision/findings/{id}/confirm", "/api/v1/supervision/findings/{id}/photos",
                "/api/v1/supervision/visits/{id}", "/api/v1/supervision/photos/{id}", "/api/v1/directives/{id}/attachment",
                "/api/v1/directives/{id}/feedback-attachment", "/api/v1/proxy-batches/{id}/picking.pdf", "/api/v1/offline-entries", "/api/v1/users/{id}/sessions/end");
        assertThat(requests).isGreaterThan(1_000);
    }

    /** One request: never 5xx; when refused (4xx), no row left behind. Answers 1. */
    int check(MockHttpServletRequestBuilder b, String what, List<String> failures) throws Exception {
        // from addresses of their own (TEST-NET-2): the fuzz's failed sign-ins must not throttle the suite's
        b.with(r -> {
            r.setRemoteAddr("198.51.100." + (1 + random.nextInt(250)));
            return r;
        });
        String before = jdbc.sql(ROWS).query(String.class).single();
        MvcResult r = mvc.perform(b).andReturn();
        int status = r.getResponse().getStatus();
        if (status >= 500) {
            failures.add(what + " → " + status);
        } else if (status >= 400) {
            String after = jdbc.sql(ROWS).query(String.class).single();
            if (!after.equals(before)) {
                failures.add(what + " → " + status + " but rows were written: " + before + " → " + after);
            }
        }
        return 1;
    }
}
