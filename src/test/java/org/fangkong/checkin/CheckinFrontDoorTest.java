package org.fangkong.checkin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.venue.Venue;
import org.fangkong.venue.VenueType;
import org.fangkong.venue.Venues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public check-in over real HTTP, where it is answered by its own door before the security
 * chain and Spring MVC: the same answers and the same problem+json as the rest of the API.
 */
@FangkongTest
class CheckinFrontDoorTest {

    @LocalServerPort
    int port;
    @Autowired
    Venues venues;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String contentType, String body, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checkins"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCheckinIsCommittedAndAnsweredAsTheApiDocumentsIt() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "前门超市", VenueType.SUPERMARKET);
        String phone = CheckinTestSupport.phone();
        HttpResponse<String> r = post("application/json", "{\"venueCode\":\"" + v.code() + "\",\"phone\":\"" + phone + "\"}", null);
        assertThat(r.statusCode()).isEqualTo(201);
        String id = JsonPath.read(r.body(), "$.id");
        assertThat(r.headers().firstValue("Location")).contains("/api/v1/checkins/" + id);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat((String) JsonPath.read(r.body(), "$.venueName")).isEqualTo("前门超市");
        // the venue's stay, unless it would run past midnight (Asia/Shanghai): the suite may run at 23:30 there
        Instant in = Instant.parse(JsonPath.read(r.body(), "$.checkedInAt"));
        boolean stay = in.plusSeconds(60L * v.defaultStayMinutes())
                .isBefore(ShanghaiTime.startOf(ShanghaiTime.dayOf(in).plusDays(1)));
        assertThat((String) JsonPath.read(r.body(), "$.checkoutReason")).isEqualTo(stay ? "STAY" : "MIDNIGHT");
        assertThat(r.body()).doesNotContain(phone);
        long seq = Long.parseLong(id.split("-")[1]);
        assertThat(jdbc.sql("select venue_id from checkin where id = :id").param("id", seq).query(Long.class).single())
                .isEqualTo(v.id());
    }

    @Test
    void badRequestsGetProblemsInTheCallersLanguage() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "后门超市", VenueType.SUPERMARKET);
        HttpResponse<String> malformed = post("application/json", "{\"venueCode\":", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(malformed.body(), "$.type")).isEqualTo("/problems/malformed-request");
        assertThat((String) JsonPath.read(malformed.body(), "$.instance")).isEqualTo("/api/v1/checkins");

        HttpResponse<String> noCode = post("application/json;charset=UTF-8", "{\"phone\":\"13800000000\"}", null);
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(noCode.body(), "$.field")).isEqualTo("venueCode");

        HttpResponse<String> badPhone = post("application/json", "{\"venueCode\":\"" + v.code() + "\",\"phone\":\"12345\"}", "en");
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(badPhone.body(), "$.field")).isEqualTo("phone");
        assertThat((String) JsonPath.read(badPhone.body(), "$.errors[0].message")).contains("mobile number");

        HttpResponse<String> unknownZh = post("application/json", "{\"venueCode\":\"nope\",\"phone\":\"13800000000\"}", null);
        HttpResponse<String> unknownEn = post("application/json", "{\"venueCode\":\"nope\",\"phone\":\"13800000000\"}", "en");
        assertThat(unknownZh.statusCode()).isEqualTo(404);
        assertThat((String) JsonPath.read(unknownZh.body(), "$.field")).isEqualTo("venueCode");
        assertThat((String) JsonPath.read(unknownZh.body(), "$.title")).containsPattern("\\p{IsHan}");
        assertThat((String) JsonPath.read(unknownEn.body(), "$.title")).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void otherContentTypesGoOnToTheRegularApi() throws Exception {
        HttpResponse<String> r = post("text/plain", "venueCode=x", null);
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
