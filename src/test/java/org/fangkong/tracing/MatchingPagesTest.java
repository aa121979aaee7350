package org.fangkong.tracing;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cross-matching pages: upload, the job's page, results, export; the grid's task page closing a task. */
@FangkongTest
class MatchingPagesTest {

    static final String VILLAGE = "370102001008";
    static final Actor ADMIN = new Actor(0, "matching-pages", "测试", Role.ADMIN, "37", "37");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    ResidentLedger residents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerUploadsAListAndTheGridWorkerClosesTheTask() throws Exception {
        String id = CrossMatchingTest.id();
        var household = residents.createHousehold(VILLAGE, "", "页面 2 号", ADMIN);
        residents.addResident(household.id(), new ResidentForm("苗青", id, null, "HEAD", "REGISTERED", "HEALTHY", false, null), ADMIN);
        byte[] list = Sheets.xlsx(new String[][] {{"姓名", "身份证号"}, {"苗青", id}, {"无名", "123"}});

        MockHttpSession officer = Staff.login(mvc, staff.create(Role.OFFICER, "370102"));
        assertThat(mvc.perform(get("/matching").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("上传名单");
        String jobUrl = mvc.perform(multipart("/matching").file(new MockMultipartFile("file", "名单.xlsx", "application/octet-stream", list))
                        .param("name", "页面名单").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(jobUrl).startsWith("/jobs/");
        String job = "";
        for (int i = 0; i < 200 && !job.contains("job-link"); i++) {
            Thread.sleep(50);
            job = mvc.perform(get(jobUrl + "/progress").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
        }
        assertThat(job).contains("已完成").contains("查看比对结果");
        long listId = jdbc.sql("select id from match_list where name = '页面名单'").query(Long.class).single();

        String results = mvc.perform(get("/matching/" + listId).session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(results).contains("苗*").contains("常住人员台账").contains("页面 2 号").contains("待随访")
                .contains("身份证号：").doesNotContain(id);
        String invalidOnly = mvc.perform(get("/matching/" + listId).param("filter", "INVALID").session(officer))
                .andReturn().getResponse().getContentAsString();
        assertThat(invalidOnly).contains("无*").doesNotContain("苗*");
        byte[] export = mvc.perform(post("/matching/" + listId + "/export").param("reason", "核查").session(officer).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(CrossMatchingTest.read(export).get(2)).contains(id);

        MockHttpSession worker = Staff.login(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String tasks = mvc.perform(get("/tasks").session(worker)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        long taskId = jdbc.sql("select id from follow_up_task where list_id = :l").param("l", listId).query(Long.class).single();
        assertThat(tasks).contains("来自名单「页面名单」第 2 行").contains("task-" + taskId);
        assertThat(tasks).doesNotContain(id);
        // to phone the person, the worker reveals what the list said: with a reason, audited, shown once
        mvc.perform(post("/tasks/" + taskId + "/reveal").param("reason", "电话核实").session(worker).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/tasks").session(worker)).andReturn().getResponse().getContentAsString())
                .contains("苗青 " + id);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_REVEAL' and target = :t and reason = '电话核实'")
                .param("t", "task:" + taskId).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/tasks/" + taskId + "/done").param("note", "").session(worker).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/tasks").session(worker)).andReturn().getResponse().getContentAsString())
                .contains("请写明随访情况");
        mvc.perform(post("/tasks/" + taskId + "/done").param("note", "本人在家，已告知居家观察").session(worker).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(get("/tasks").param("open", "false").session(worker)).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("已标记为随访完成").contains("本人在家，已告知居家观察");
        assertThat(mvc.perform(get("/matching/" + listId).session(officer)).andReturn().getResponse().getContentAsString())
                .contains("已随访：本人在家，已告知居家观察");
    }
}
