package org.fangkong.venue;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class VenuePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void venueStaffManageVenuesOnPages() throws Exception {
        Staff.Account account = staff.create(Role.VENUE_STAFF, "370102");
        MockHttpSession session = Staff.login(mvc, account);
        mvc.perform(get("/venues/new").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("新建场所")));
        mvc.perform(post("/venues").session(session).with(csrf()).param("name", "").param("type", "PHARMACY")
                        .param("jurisdiction", "370102001002").param("address", "泉城路 8 号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写场所名称")))
                .andExpect(content().string(containsString("泉城路 8 号")));
        mvc.perform(post("/venues").session(session).with(csrf()).param("name", "漱玉平民大药房").param("type", "PHARMACY")
                        .param("jurisdiction", "370102001002").param("address", "泉城路 8 号"))
                .andExpect(redirectedUrlPattern("/venues/*"));
        long id = jdbc.sql("select id from venue where name = '漱玉平民大药房'").query(Long.class).single();
        mvc.perform(get("/venues/" + id).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/venues/" + id + "/qr.png")))
                .andExpect(content().string(containsString("/c/")));
        mvc.perform(get("/venues/" + id + "/qr.png").session(session)).andExpect(status().isOk());
        mvc.perform(get("/venues/" + id + "/poster.pdf").session(session)).andExpect(status().isOk());
        mvc.perform(post("/venues/" + id).session(session).with(csrf()).param("name", "漱玉平民大药房（泉城路店）")
                        .param("type", "PHARMACY").param("jurisdiction", "370102001002").param("address", "泉城路 8 号")
                        .param("defaultStayMinutes", "25"))
                .andExpect(redirectedUrlPattern("/venues/*"));
        mvc.perform(post("/venues/" + id + "/close").session(session).with(csrf())).andExpect(redirectedUrlPattern("/venues/*"));
        mvc.perform(get("/venues").session(session).param("q", "漱玉")).andExpect(status().isOk())
                .andExpect(content().string(containsString("漱玉平民大药房（泉城路店）")))
                .andExpect(content().string(containsString("已关闭")));
        assertThat(jdbc.sql("select default_stay_minutes from venue where id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(25);
    }
}
