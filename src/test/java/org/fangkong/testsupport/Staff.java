package org.fangkong.testsupport;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangkong.common.security.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Makes staff accounts and API tokens for tests. Usernames are unique per call. */
@TestComponent
public class Staff {

    public static final String PASSWORD = "correct-horse-9";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public record Account(long id, String username, Role role, String scope) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private String hash;

    Staff(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public Account create(Role role, String scope) {
        if (hash == null) {
            hash = encoder.encode(PASSWORD);
        }
        String username = role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        long id = jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash, role, scope_code, created_by)
                        values (:u, :d, :h, :r, :s, 'test') returning id
                        """)
                .param("u", username).param("d", "测试" + role.name()).param("h", hash).param("r", role.name())
                .param("s", scope).query(Long.class).single();
        return new Account(id, username, role, scope);
    }

    public static String token(MockMvc mvc, String username, String password) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn();
        if (r.getResponse().getStatus() != 201) {
            throw new AssertionError("token refused: " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
        }
        String body = r.getResponse().getContentAsString();
        int i = body.indexOf("\"token\":\"") + 9;
        return body.substring(i, body.indexOf('"', i));
    }

    public static String token(MockMvc mvc, Account a) throws Exception {
        return token(mvc, a.username(), PASSWORD);
    }

    /** Signs in through the login form (with CSRF) and returns the session it opened. */
    public static MockHttpSession login(MockMvc mvc, String username, String password)
            throws Exception {
        var session = new MockHttpSession();
        MvcResult r = mvc.perform(post("/login").session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", username).param("password", password))
                .andReturn();
        if (!"/".equals(r.getResponse().getRedirectedUrl())) {
            throw new AssertionError("login refused: " + r.getResponse().getRedirectedUrl());
        }
        return session;
    }

    public static MockHttpSession login(MockMvc mvc, Account a) throws Exception {
        return login(mvc, a.username(), PASSWORD);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
