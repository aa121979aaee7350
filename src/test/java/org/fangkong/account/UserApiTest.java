package org.fangkong.account;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class UserApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = Staff.bearer(Staff.token(mvc, "admin", "admin-test-password"));
    }

    private ResultActions create(String token, String json) throws Exception {
        return mvc.perform(post("/api/v1/users").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void adminCreatesAUserWhoCanThenGetAToken() throws Exception {
        create(admin, """
                {"username":"li.lei","displayName":"李雷","password":"abcd1234","role":"OFFICER","scope":"370102"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("li.lei"))
                .andExpect(jsonPath("$.role").value("OFFICER"))
                .andExpect(jsonPath("$.scope").value("370102"))
                .andExpect(jsonPath("$.scopeName").value("历下区"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.password").doesNotExist());
        String hash = jdbc.sql("select password_hash from staff_user where username = 'li.lei'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("abcd1234");
        assertThat(Staff.token(mvc, "li.lei", "abcd1234")).hasSizeGreaterThan(40);
        long audited = jdbc.sql("select count(*) from audit_entry where action = 'USER_CREATED' and target = 'user:li.lei' and actor_username = 'admin'")
                .query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from staff_user").query(Long.class).single();
        create(admin, """
                {"username":"short-pw","displayName":"王","password":"1234567","role":"OFFICER","scope":"370102"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.detail").value("密码至少 8 位。"));
        create(admin, """
                {"username":"bad scope","displayName":"王","password":"12345678","role":"OFFICER","scope":"370102"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("username"));
        create(admin, """
                {"username":"no-scope","displayName":"王","password":"12345678","role":"OFFICER","scope":"999999"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scope"));
        create(admin, """
                {"username":"no-role","displayName":"王","password":"12345678","role":"KING","scope":"370102"}""")
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/users").header("Authorization", admin).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x1x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Please choose a role.")));
        create(admin, "{not json").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void usernamesAreUniqueIgnoringCase() throws Exception {
        create(admin, """
                {"username":"Han.Meimei","displayName":"韩梅梅","password":"12345678","role":"GRID_WORKER","scope":"370102001002"}""")
                .andExpect(status().isCreated());
        create(admin, """
                {"username":"han.meimei","displayName":"韩梅梅","password":"12345678","role":"GRID_WORKER","scope":"370102001002"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"));
    }

    @Test
    void officersManageFieldRolesBelowThemOnly() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        String token = Staff.bearer(Staff.token(mvc, officer));
        create(token, """
                {"username":"gw-%d","displayName":"网格员","password":"12345678","role":"GRID_WORKER","scope":"370102001002"}"""
                .formatted(officer.id())).andExpect(status().isCreated());
        create(token, """
                {"username":"off-below-%d","displayName":"乡镇干部","password":"12345678","role":"OFFICER","scope":"370102001"}"""
                .formatted(officer.id())).andExpect(status().isCreated());
        create(token, """
                {"username":"off-same-%d","displayName":"同级","password":"12345678","role":"OFFICER","scope":"370102"}"""
                .formatted(officer.id())).andExpect(status().isForbidden());
        create(token, """
                {"username":"cmd-%d","displayName":"指挥","password":"12345678","role":"COMMANDER","scope":"370102001"}"""
                .formatted(officer.id())).andExpect(status().isForbidden());
        create(token, """
                {"username":"adm-%d","displayName":"管理","password":"12345678","role":"ADMIN","scope":"370102001"}"""
                .formatted(officer.id())).andExpect(status().isForbidden());
        create(token, """
                {"username":"far-%d","displayName":"外地","password":"12345678","role":"GRID_WORKER","scope":"370202"}"""
                .formatted(officer.id())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope"));
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        create(Staff.bearer(Staff.token(mvc, worker)), """
                {"username":"gw2-%d","displayName":"网格员","password":"12345678","role":"GRID_WORKER","scope":"370102001002"}"""
                .formatted(officer.id())).andExpect(status().isForbidden());
    }

    @Test
    void disablingCutsOffTokensAndLogins() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        String token = Staff.bearer(Staff.token(mvc, worker));
        mvc.perform(get("/api/v1/jurisdictions/370102001002").header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/" + worker.id() + "/disable").header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/jurisdictions/370102001002").header("Authorization", token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + worker.username() + "\",\"password\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users/" + worker.id() + "/enable").header("Authorization", admin))
                .andExpect(jsonPath("$.enabled").value(true));
        // disabling revoked the tokens for good: enabled again, the account signs in afresh
        mvc.perform(get("/api/v1/jurisdictions/370102001002").header("Authorization", token)).andExpect(status().isUnauthorized());
        String fresh = Staff.bearer(Staff.token(mvc, worker));
        mvc.perform(get("/api/v1/jurisdictions/370102001002").header("Authorization", fresh)).andExpect(status().isOk());
    }

    @Test
    void resetPasswordReplacesTheOldOne() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001002");
        mvc.perform(post("/api/v1/users/" + worker.id() + "/password").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"short\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("password"));
        mvc.perform(post("/api/v1/users/" + worker.id() + "/password").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"new-pass-2020\"}"))
                .andExpect(status().isOk());
        assertThat(Staff.token(mvc, worker.username(), "new-pass-2020")).isNotBlank();
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + worker.username() + "\",\"password\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void cannotDisableOneself() throws Exception {
        long adminId = jdbc.sql("select id from staff_user where username = 'admin'").query(Long.class).single();
        mvc.perform(post("/api/v1/users/" + adminId + "/disable").header("Authorization", admin))
                .andExpect(status().isBadRequest());
    }

    @Test
    void listIsPagedSortedAndScoped() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        staff.create(Role.GRID_WORKER, "370102001002");
        staff.create(Role.GRID_WORKER, "370202");
        mvc.perform(get("/api/v1/users").param("size", "200").param("sort", "username,desc")
                        .header("Authorization", Staff.bearer(Staff.token(mvc, officer))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].scope", Matchers.everyItem(Matchers.startsWith("370102"))));
        mvc.perform(get("/api/v1/users").param("role", "ADMIN").header("Authorization", admin))
                .andExpect(jsonPath("$.items[0].username").value("admin"));
    }
}
