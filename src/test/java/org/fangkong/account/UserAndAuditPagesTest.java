package org.fangkong.account;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class UserAndAuditPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void officerCreatesAGridWorkerOnThePageAndErrorsKeepWhatWasTyped() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        MockHttpSession session = Staff.login(mvc, officer.username(), Staff.PASSWORD);
        mvc.perform(get("/users/new").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("新建用户")))
                .andExpect(content().string(not(containsString("value=\"ADMIN\""))));
        String username = "page-gw-" + officer.id();
        mvc.perform(post("/users").session(session).with(csrf()).param("username", username).param("displayName", "赵网格")
                        .param("password", "123").param("role", "GRID_WORKER").param("scope", "370102001002"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少 8 位")))
                .andExpect(content().string(containsString("value=\"" + username + "\"")))
                .andExpect(content().string(containsString("赵网格")));
        mvc.perform(post("/users").session(session).with(csrf()).param("username", username).param("displayName", "赵网格")
                        .param("password", "12345678").param("role", "GRID_WORKER").param("scope", "370102001002"))
                .andExpect(redirectedUrlPattern("/users/*"));
        mvc.perform(get("/users").session(session).param("q", username))
                .andExpect(content().string(containsString(username)));
        long id = jdbc.sql("select id from staff_user where username = :u").param("u", username).query(Long.class).single();
        mvc.perform(post("/users/" + id + "/disable").session(session).with(csrf())).andExpect(redirectedUrlPattern("/users/*"));
        assertThat(jdbc.sql("select enabled from staff_user where id = :id").param("id", id).query(Boolean.class).single()).isFalse();
    }

    @Test
    void gridWorkersHaveNoUserOrAuditPages() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        MockHttpSession session = Staff.login(mvc, worker.username(), Staff.PASSWORD);
        mvc.perform(get("/users").session(session)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("没有权限")));
        mvc.perform(get("/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/users\""))));
    }

    @Test
    void adminSearchesTheAuditLog() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        mvc.perform(post("/api/v1/tokens").contentType("application/json")
                .content("{\"username\":\"" + worker.username() + "\",\"password\":\"bad-password\"}"));
        MockHttpSession session = Staff.login(mvc, "admin", "admin-test-password");
        mvc.perform(get("/audit").session(session).param("action", "LOGIN_FAILED").param("username", worker.username()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("user:" + worker.username())))
                .andExpect(content().string(containsString("登录失败")));
        mvc.perform(get("/audit").session(session).param("action", "LOGIN").param("username", "admin"))
                .andExpect(content().string(containsString("user:admin")));
    }
}
