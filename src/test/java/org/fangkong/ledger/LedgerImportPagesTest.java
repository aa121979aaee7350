package org.fangkong.ledger;

import java.time.LocalDate;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.PassageExcel;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.checkpoints.RosterExcel;
import org.fangkong.ledger.outsiders.OutsiderExcel;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The outsider, roster and passage imports from their pages run as jobs whose page shows the outcome. */
@FangkongTest
class LedgerImportPagesTest {

    static final String VILLAGE = "370102002009";
    static final Actor ADMIN = new Actor(0, "import-pages", "测试", Role.ADMIN, "37", "37");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    PassageLog passages;

    String upload(MockHttpSession session, String url, byte[] file) throws Exception {
        String job = mvc.perform(multipart(url).file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", file))
                        .session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/jobs/");
        String page = "";
        for (int i = 0; i < 200 && !page.contains("job-link"); i++) {
            Thread.sleep(50);
            page = mvc.perform(get(job + "/progress").session(session)).andReturn().getResponse().getContentAsString();
        }
        return page;
    }

    @Test
    void eachLedgerImportShowsItsOutcomeOnTheJobPage() throws Exception {
        MockHttpSession session = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String arrived = LocalDate.now().minusDays(2).toString();
        String outsiders = upload(session, "/outsiders/import", Sheets.xlsx(new String[][] {OutsiderExcel.HEADERS,
                {VILLAGE, "页面甲", "", LedgerApiTest.phone(), "武汉", "", "", arrived, "", "历山名郡 1 号", "", ""},
                {VILLAGE, "页面乙", "", "123", "济南", "", "", arrived, "", "历山名郡 2 号", "", ""}}));
        assertThat(outsiders).contains("整个文件未导入").contains("第 3 行").contains("手机号");

        String roster = upload(session, "/checkpoints/roster/import", Sheets.xlsx(new String[][] {RosterExcel.HEADERS,
                {VILLAGE, "名郡东门", "小区门岗", "", "2020-02-12", "08:00", "20:00", "甲、乙", "甲"}}));
        assertThat(roster).contains("已完成").contains("已导入 1 行").contains("返回卡口");

        var gate = passages.createCheckpoint(VILLAGE, "名郡西门", "GATE", "", ADMIN);
        String passage = upload(session, "/checkpoints/" + gate.id() + "/passages/import",
                Sheets.xlsx(new String[][] {PassageExcel.HEADERS,
                        {"2020-02-12 08:30", "进", "页面丙", "", LedgerApiTest.phone(), "", "", "", "", "", "36.5", "", ""}}));
        assertThat(passage).contains("已完成").contains("已导入 1 行");
    }
}
