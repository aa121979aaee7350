package org.fangkong.ledger;

import java.time.LocalDate;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The household page: members with what the ID says, adding one, a bad ID kept and explained, moving out. */
@FangkongTest
class ResidentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void aGridWorkerAddsAndMovesOutMembersOnTheHouseholdPage() throws Exception {
        MockHttpSession session = Staff.login(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.VILLAGE));
        MvcResult created = mvc.perform(post("/households").session(session).with(csrf())
                        .param("jurisdiction", LedgerApiTest.VILLAGE).param("building", "北院").param("address", "12号"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = created.getResponse().getRedirectedUrl();
        assertThat(page).matches("/households/\\d+");
        long household = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        String id = LedgerApiTest.idNumber(LocalDate.of(1948, 8, 8), true);
        mvc.perform(post(page + "/residents").session(session).with(csrf()).param("name", "高山").param("idNumber", id)
                        .param("relation", "HEAD").param("residence", "REGISTERED").param("health", "HEALTHY")
                        .param("fromKeyArea", "true").param("leftKeyAreaOn", "2020-01-20"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "resident.added"));
        // flash messages wait in the session for the next page, one per page view
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString()).contains("已添加：高*");
        String bad = id.substring(0, 17) + (id.charAt(17) == '3' ? '4' : '3');
        mvc.perform(post(page + "/residents").session(session).with(csrf()).param("name", "高原").param("idNumber", bad)
                        .param("relation", "CHILD").param("residence", "REGISTERED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "validation.id.checksum"));

        String html = mvc.perform(get(page).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("身份证号校验位不正确");
        assertThat(html).contains("北院 12号").contains("高*").contains("户主 · 户籍").contains("男")
                .contains("来自重点地区 2020-01-20").doesNotContain(id);
        long resident = Long.parseLong(html.replaceAll("(?s).*action=\"/residents/(\\d+)/move-out\".*", "$1"));
        // the full identity, once, with a reason
        mvc.perform(post("/residents/" + resident + "/reveal").session(session).with(csrf()))
                .andExpect(flash().attribute("errorKey", "validation.reason.required"));
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString()).doesNotContain(id);
        mvc.perform(post("/residents/" + resident + "/reveal").session(session).with(csrf()).param("reason", "核对"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString()).contains("高山 " + id);
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString()).doesNotContain(id);
        // edit: a fever recorded, the key-area travel cleared
        mvc.perform(post("/residents/" + resident).session(session).with(csrf()).param("relation", "HEAD")
                        .param("residence", "LIVING").param("health", "FEVER"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "resident.updated"));
        String edited = mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(edited).contains("已保存 高* 的信息").contains("户主 · 常住").contains("发热").doesNotContain("来自重点地区 2020-01-20");
        mvc.perform(post("/residents/" + resident).session(session).with(csrf()).param("relation", "NOBODY")
                        .param("residence", "LIVING").param("health", "FEVER"))
                .andExpect(flash().attribute("errorKey", "validation.resident.relation"));
        mvc.perform(post("/residents/" + resident + "/move-out").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "resident.movedOut"));
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString()).contains("迁出");

        // another village's grid worker does not get the page
        MockHttpSession other = Staff.login(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.OTHER_VILLAGE));
        mvc.perform(get("/households/" + household).session(other)).andExpect(status().isNotFound());
    }
}
