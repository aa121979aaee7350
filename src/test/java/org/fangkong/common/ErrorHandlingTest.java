package org.fangkong.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class ErrorHandlingTest {

    @Autowired
    MockMvc mvc;

    @Test
    void apiWithoutTokenIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/37"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/jurisdictions/37").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("令牌")));
        mvc.perform(get("/api/v1/jurisdictions/37").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Please sign in"));
    }

    @Test
    void unknownApiUrlIs404ProblemJsonInTheCallersLanguage() throws Exception {
        String token = Staff.bearer(Staff.token(mvc, "admin", "admin-test-password"));
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.title").value("页面不存在"));
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", token).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Not found"));
        mvc.perform(delete("/api/v1/jurisdictions/37").header("Authorization", token))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownPageIsA404PageInChineseAndEnglish() throws Exception {
        MockHttpSession session = Staff.login(mvc, "admin", "admin-test-password");
        mvc.perform(get("/no/such/page").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("页面不存在")))
                .andExpect(content().string(containsString("返回首页")));
        mvc.perform(get("/no/such/page").session(session).param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not found")));
    }

    /** Over real HTTP: MockMvc skips the firewall that rejects these paths before any controller. */
    static HttpResponse<String> overHttp(int port, String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void errorsOutsideControllersGetTheSameReadablePage(@LocalServerPort int port)
            throws Exception {
        // the firewall rejects "//" before any controller: Spring Boot's error page path renders it
        var response = overHttp(port, "/login//x", "text/html");
        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.body()).contains("请求格式错误").contains("返回首页");
    }

    @Test
    void apiErrorsOutsideControllersAreProblemsToo(@LocalServerPort int port)
            throws Exception {
        // the same firewall rejection under /api/: problem+json, not Spring Boot's own JSON
        var response = overHttp(port, "/api/v1//venues", "application/json");
        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        Assertions.assertThat(response.body()).contains("\"type\":\"/problems/malformed-request\"")
                .contains("\"instance\":\"/api/v1//venues\"").contains("请求格式错误").doesNotContain("timestamp");
    }

    @Test
    void healthIsPublicMetricsNeedAdmin(@Autowired Staff staff) throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        Staff.Account commander = staff.create(Role.COMMANDER, "37");
        mvc.perform(get("/actuator/metrics").header("Authorization", Staff.bearer(Staff.token(mvc, commander))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/metrics").header("Authorization", Staff.bearer(Staff.token(mvc, "admin", "admin-test-password"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.names").isArray());
    }

    @Test
    void openApiDocumentsTheApi(@Autowired Staff staff) throws Exception {
        // the API's map is for signed-in staff only (unless fangkong.api-docs.public)
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, "370102001002"));
        mvc.perform(get("/v3/api-docs").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/jurisdictions/{code}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/users']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tokens']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/observation-orders']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/observation-orders/{id}/readings']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/observation-alerts/{id}/outcome']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/cases']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/cases/figures']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/clusters']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/hospitals']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/matching-lists']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/maps/{id}/households']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports/completeness']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports/rollup']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/zoning/levels']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/zoning/history']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/zoning/overrides']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/dashboard']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/zoning/changes']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports/summary.xlsx']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports/summary.pdf']").exists())
                // demo data only where demo data is on (tests run with it off): no such endpoint here
                .andExpect(jsonPath("$.paths['/api/v1/demo/shandong-2020']").doesNotExist())
                .andExpect(jsonPath("$.paths['/reports/summary.pdf']").doesNotExist());
    }
}
