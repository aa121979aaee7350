package org.fangkong.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an https public URL (TLS ending at a proxy), every cookie is Secure and HSTS is sent even on
 * the proxy's plain-http hop (issue 12, item 9). Real HTTP on the server's port: cookie flags are the
 * container's, which MockMvc does not show.
 */
@FangkongTest
@TestPropertySource(properties = "fangkong.public-url=https://fk.example.cn")
class HttpsTransportTest {

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    @Test
    void everyCookieIsSecureAndHstsIsSentWhenThePublicUrlIsHttps() throws Exception {
        HttpResponse<String> login = get("/login?lang=en", null);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(cookie(login, "FANGKONG_LANG")).containsIgnoringCase("Secure");
        String session = cookie(login, "JSESSIONID");
        assertThat(session).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");

        // signing in sets a new session cookie, Secure too
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session.substring(0, session.indexOf(';')))
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + worker.username() + "&password=" + Staff.PASSWORD
                                + "&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
        // the API door too
        assertThat(get("/api/v1/jurisdictions/37", null).headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
