package org.fangkong.democity;

import java.time.Duration;

import org.assertj.core.data.Percentage;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
@TestPropertySource(properties = {"fangkong.test.database=demo", "fangkong.demo.enabled=true", "fangkong.demo.on-first-start=false"})
class DemoCityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoCity city;
    @Autowired
    Staff staff;

    @Test
    void generatesAMarkedDemoCityOverTheRealTreeWithProgress() throws Exception {
        String admin = Staff.bearer(Staff.token(mvc, "admin", "admin-test-password"));
        mvc.perform(post("/api/v1/demo/city").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"people\":0,\"venues\":10,\"days\":2,\"visitsPerPersonDay\":1,\"jurisdiction\":\"3709\",\"seed\":1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("people"));
        mvc.perform(post("/api/v1/demo/city").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"people\":500,\"venues\":40,\"days\":3,\"visitsPerPersonDay\":1.5,\"jurisdiction\":\"3709\",\"seed\":11}"))
                .andExpect(status().isAccepted());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (city.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        DemoCity.Progress done = city.progress();
        assertThat(done.phase()).isEqualTo("done");
        mvc.perform(get("/api/v1/demo/city").header("Authorization", admin))
                .andExpect(jsonPath("$.phase").value("done"));
        long venues = jdbc.sql("""
                select count(*) from venue v join jurisdiction j on j.code = v.jurisdiction_code
                where v.demo and v.name like '演示%' and j.path <@ '37.3709' and j.level = 'VILLAGE'
                """).query(Long.class).single();
        assertThat(venues).isGreaterThanOrEqualTo(40);
        long visits = jdbc.sql("select count(*) from checkin where source = 'DEMO'").query(Long.class).single();
        assertThat(visits).isEqualTo(done.done());
        assertThat((double) visits).isCloseTo(500 * 3 * 1.5, Percentage.withPercentage(10));
        // synthetic people use the 1749 segment only: no real subscriber's phone
        assertThat(CityGenerator.phoneOf(11, 0)).startsWith("1749").hasSize(11);
        assertThat(CityGenerator.phoneOf(11, 4_999_999)).startsWith("1749");
    }

    @Test
    void aCountyAdminGeneratesOnlyInsideTheirCounty() throws Exception {
        String countyAdmin = Staff.bearer(Staff.token(mvc, staff.create(Role.ADMIN, "370102")));
        mvc.perform(post("/api/v1/demo/city").header("Authorization", countyAdmin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"people\":10,\"venues\":2,\"days\":1,\"visitsPerPersonDay\":1,\"jurisdiction\":\"3709\",\"seed\":3}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("jurisdiction"));
    }

    @Test
    void theProgressPageShowsWhereItStandsAndExplainsBadInput() throws Exception {
        var session = Staff.login(mvc, "admin", "admin-test-password");
        mvc.perform(get("/demo").session(session)).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("演示数据")))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("<progress")));
        mvc.perform(get("/demo/progress").session(session)).andExpect(status().isOk());
        mvc.perform(post("/demo").session(session).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("people", "10").param("venues", "2").param("days", "99").param("visitsPerPersonDay", "1")
                        .param("jurisdiction", "3709").param("seed", "1"))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("天数应在 1 到")));
    }

    @Test
    void onlyAdminsGenerate(@Autowired Staff staff) throws Exception {
        String officer = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "3709")));
        mvc.perform(get("/api/v1/demo/city").header("Authorization", officer)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/demo/city").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"people\":5,\"venues\":1,\"days\":1,\"visitsPerPersonDay\":1,\"jurisdiction\":\"3709\",\"seed\":1}"))
                .andExpect(status().isForbidden());
    }
}
