package org.fangkong.account;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class LoginAndLockoutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    private ResultActions tokenWith(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        for (int i = 0; i < 4; i++) {
            tokenWith(worker.username(), "wrong-password").andExpect(status().isUnauthorized());
        }
        String unknown = body(tokenWith("nobody-at-all", "wrong-password").andExpect(status().isUnauthorized()));
        // locked: the same answer as an unknown user or a wrong password, so nobody learns the account exists
        assertThat(body(tokenWith(worker.username(), "wrong-password").andExpect(status().isUnauthorized()))).isEqualTo(unknown);
        // even the right password is refused while locked, on the API and the login form
        assertThat(body(tokenWith(worker.username(), Staff.PASSWORD).andExpect(status().isUnauthorized()))).isEqualTo(unknown);
        mvc.perform(post("/login").with(csrf()).param("username", worker.username()).param("password", Staff.PASSWORD))
                .andExpect(redirectedUrl("/login?error=bad"));
        Long minutes = jdbc.sql("select round(extract(epoch from locked_until - now()) / 60) from staff_user where id = :id")
                .param("id", worker.id()).query(Long.class).single();
        assertThat(minutes).isBetween(14L, 15L);
        assertThat(jdbc.sql("select count(*) from audit_entry where target = :t and action = 'LOGIN_FAILED'")
                .param("t", "user:" + worker.username()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_entry where target = :t and action = 'LOGIN_LOCKED'")
                .param("t", "user:" + worker.username()).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // fifteen minutes later
        jdbc.sql("update staff_user set locked_until = now() - interval '1 second' where id = :id").param("id", worker.id()).update();
        tokenWith(worker.username(), Staff.PASSWORD).andExpect(status().isCreated());
    }

    static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSuccessResetsTheFailureCount() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        for (int i = 0; i < 4; i++) {
            tokenWith(worker.username(), "wrong-password").andExpect(status().isUnauthorized());
        }
        tokenWith(worker.username(), Staff.PASSWORD).andExpect(status().isCreated());
        for (int i = 0; i < 4; i++) {
            tokenWith(worker.username(), "wrong-password").andExpect(status().isUnauthorized());
        }
        tokenWith(worker.username(), Staff.PASSWORD).andExpect(status().isCreated());
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() throws Exception {
        tokenWith("nobody-here", "whatever-123").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("用户名或密码错误")));
        tokenWith("", "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").exists());
    }

    @Test
    void formLoginNeedsCsrfAndLandsOnTheHomePage() throws Exception {
        Staff.Account commander = staff.create(Role.COMMANDER, "3701");
        mvc.perform(post("/login").param("username", commander.username()).param("password", Staff.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", commander.username()).param("password", "nope-nope"))
                .andExpect(redirectedUrl("/login?error=bad"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", commander.username()).param("password", Staff.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("济南市")))
                .andExpect(content().string(containsString("指挥部")));
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LOGOUT' and actor_username = :u")
                .param("u", commander.username()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void pagesRedirectToLoginAndTheLoginPageIsChineseByDefault() throws Exception {
        mvc.perform(get("/jurisdictions/37")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/login").header("Accept-Language", "en-US"))
                .andExpect(content().string(containsString("用户名")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Username")));
    }

    @Test
    void aDisabledUserLosesAnOpenSession() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf())
                .param("username", officer.username()).param("password", Staff.PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        jdbc.sql("update staff_user set enabled = false where id = :id").param("id", officer.id()).update();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void aPasswordResetOrADisableRevokesTokensAndSessionsAndAClientCanSignOutItsToken() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        String admin = Staff.bearer(Staff.token(mvc, "admin", "admin-test-password"));
        String token = Staff.bearer(Staff.token(mvc, officer));
        MockHttpSession session = Staff.login(mvc, officer);
        mvc.perform(get("/api/v1/jurisdictions/370102").header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/" + officer.id() + "/password").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"new-password-123\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/v1/jurisdictions/370102").header("Authorization", token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
        // a fresh sign-in with the new password works, and the client can sign its own token out
        String fresh = Staff.bearer(Staff.token(mvc, officer.username(), "new-password-123"));
        mvc.perform(get("/api/v1/jurisdictions/370102").header("Authorization", fresh)).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/tokens/current").header("Authorization", fresh)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/jurisdictions/370102").header("Authorization", fresh)).andExpect(status().isUnauthorized());
        // disabling revokes too
        String again = Staff.bearer(Staff.token(mvc, officer.username(), "new-password-123"));
        mvc.perform(post("/api/v1/users/" + officer.id() + "/disable").header("Authorization", admin)).andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/users/" + officer.id() + "/enable").header("Authorization", admin)).andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/v1/jurisdictions/370102").header("Authorization", again)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from api_token where user_id = :id").param("id", officer.id()).query(Long.class).single())
                .isZero();
    }

    @Test
    void oneAddressFailingTooOftenIsThrottledWhateverTheUsername() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        RequestPostProcessor from = r -> {
            r.setRemoteAddr("10.20.30.40");
            return r;
        };
        for (int i = 0; i < 60; i++) {
            mvc.perform(post("/api/v1/tokens").with(from).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"guess-" + i + "\",\"password\":\"guess-password\"}")).andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/tokens").with(from).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + worker.username() + "\",\"password\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        mvc.perform(post("/login").with(from).with(csrf()).param("username", worker.username()).param("password", Staff.PASSWORD))
                .andExpect(redirectedUrl("/login?error=throttled"));
        // another address is not affected
        tokenWith(worker.username(), Staff.PASSWORD).andExpect(status().isCreated());
    }
}
