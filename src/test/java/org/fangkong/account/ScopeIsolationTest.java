package org.fangkong.account;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user scoped to one county (历下区, 370102) sees nothing outside it: every jurisdiction and user
 * outside answers 404, in the API and on pages, whatever the role.
 */
@FangkongTest
class ScopeIsolationTest {

    static final String HOME = "370102";          // 历下区, 济南市
    static final String NEIGHBOUR = "370103";     // 市中区, same city
    static final String FAR = "370202";           // 市南区, 青岛市

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @ParameterizedTest
    @EnumSource(Role.class)
    void apiAnswers404OutsideTheSubtree(Role role) throws Exception {
        Staff.Account me = staff.create(role, HOME);
        Staff.Account outsider = staff.create(Role.GRID_WORKER, FAR);
        Staff.Account insider = staff.create(Role.GRID_WORKER, "370102001002");
        String token = Staff.bearer(Staff.token(mvc, me));

        mvc.perform(get("/api/v1/jurisdictions/" + HOME).header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/jurisdictions/370102001002").header("Authorization", token)).andExpect(status().isOk());
        for (String outside : new String[] {NEIGHBOUR, FAR, "3701", "37", "370202001001", "999999"}) {
            mvc.perform(get("/api/v1/jurisdictions/" + outside).header("Authorization", token))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get("/api/v1/jurisdictions/" + outside + "/children").header("Authorization", token))
                    .andExpect(status().isNotFound());
        }
        // search never returns anything outside
        mvc.perform(get("/api/v1/jurisdictions").param("q", "社区").param("size", "200").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", everyItem(startsWith(HOME))));
        mvc.perform(get("/api/v1/jurisdictions").param("q", "市南").header("Authorization", token))
                .andExpect(jsonPath("$.total").value(0));
        // users outside: 404 before any role check
        mvc.perform(get("/api/v1/users/" + outsider.id()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/users/" + outsider.id() + "/disable").header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/jurisdictions/" + FAR + "001001/grids").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"越权网格\"}"))
                .andExpect(status().isNotFound());
        // inside: readable
        mvc.perform(get("/api/v1/users/" + insider.id()).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(insider.username()));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void pagesAnswer404OutsideTheSubtree(Role role) throws Exception {
        Staff.Account me = staff.create(role, HOME);
        Staff.Account outsider = staff.create(Role.OFFICER, NEIGHBOUR);
        MockHttpSession session = Staff.login(mvc, me);

        mvc.perform(get("/jurisdictions/" + HOME).session(session)).andExpect(status().isOk());
        mvc.perform(get("/jurisdictions").session(session)).andExpect(redirectedUrl("/jurisdictions/" + HOME));
        for (String outside : new String[] {NEIGHBOUR, FAR, "37"}) {
            mvc.perform(get("/jurisdictions/" + outside).session(session))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(Matchers.containsString("不在您的管辖范围内")));
            mvc.perform(get("/jurisdictions/" + outside + "/children").session(session))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/users/" + outsider.id()).session(session)).andExpect(status().isNotFound());
    }

}
