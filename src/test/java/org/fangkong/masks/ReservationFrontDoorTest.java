package org.fangkong.masks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizens' reservations over real HTTP, answered by their own door before the security chain
 * and Spring MVC: the same answers and problem+json as the rest of the API.
 */
@FangkongTest
class ReservationFrontDoorTest {

    @LocalServerPort
    int port;
    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String body, String language, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reservations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReservationIsAnsweredAsTheApiDocumentsIt() throws Exception {
        PickupPoint point = points.register(new PickupPoints.PointForm(MaskReservationTest.VILLAGE, "前门药房", PickupPoint.Kind.PHARMACY,
                "", ""), MaskReservationTest.OFFICER);
        LocalDate today = ShanghaiTime.today(clock);
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "前门批次", MaskRound.Mode.FIRST_COME, 5, 10,
                clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)), today, today,
                List.of(new MaskRounds.Allocation(point.id(), 5))), MaskReservationTest.OFFICER);
        String id = MaskReservationTest.idNumber();
        String body = "{\"roundId\":%d,\"pointId\":%d,\"name\":\"门一\",\"idNumber\":\"%s\",\"phone\":\"13912347701\"}"
                .formatted(round.id(), point.id(), id);
        // a stale token on a citizen's phone does not get in the way of a public door
        HttpResponse<String> r = post(body, null, "Bearer not-a-token");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat((String) JsonPath.read(r.body(), "$.pickupCode")).matches("\\d{6}");
        assertThat((String) JsonPath.read(r.body(), "$.pointName")).isEqualTo("前门药房");
        assertThat(r.body()).doesNotContain(id).doesNotContain("13912347701");

        HttpResponse<String> again = post(body, "en", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(again.body(), "$.field")).isEqualTo("idNumber");
        HttpResponse<String> soldOut = post(body.replace(id, MaskReservationTest.idNumber()), null, null);
        assertThat(soldOut.statusCode()).isEqualTo(409);
        assertThat((String) JsonPath.read(soldOut.body(), "$.field")).isEqualTo("pointId");
        assertThat((String) JsonPath.read(soldOut.body(), "$.detail")).contains("约满");
        HttpResponse<String> malformed = post("{\"roundId\":", null, null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(malformed.body(), "$.type")).isEqualTo("/problems/malformed-request");
        HttpResponse<String> badId = post(body.replace(id, "370102198001011234"), null, null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(badId.body(), "$.field")).isEqualTo("idNumber");
        HttpResponse<String> noRound = post(body.replace("\"roundId\":" + round.id(), "\"roundId\":999999999"), null, null);
        assertThat(noRound.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from reservation where round_id = :r").param("r", round.id()).query(Long.class).single())
                .isEqualTo(1);
    }
}
