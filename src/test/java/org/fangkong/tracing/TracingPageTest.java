package org.fangkong.tracing;

import java.time.LocalDate;

import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class TracingPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Venues venues;
    @Autowired
    CheckinFixtures fixtures;

    @Test
    void anOfficerTracesOnThePageRevealsWithAReasonAndExports() throws Exception {
        Actor admin = new Actor(0, "t", "t", Role.ADMIN, "37", "37");
        var v = venues.create(new VenueForm("页面流调超市", VenueType.SUPERMARKET, "370102003", "", null), admin);
        var pv = venues.byCode(v.code()).orElseThrow();
        var day = LocalDate.now(ShanghaiTime.ZONE).minusDays(1);
        fixtures.record(pv, "13600000001", day.atTime(10, 0).atZone(ShanghaiTime.ZONE).toInstant());
        fixtures.record(pv, "13600000002", day.atTime(10, 5).atZone(ShanghaiTime.ZONE).toInstant());
        fixtures.record(pv, "13600000003", day.atTime(10, 50).atZone(ShanghaiTime.ZONE).toInstant());

        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        MockHttpSession session = Staff.login(mvc, officer);
        mvc.perform(get("/tracing").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("指示病例手机号")));
        mvc.perform(post("/tracing").session(session).with(csrf()).param("phone", "13600000001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面流调超市")))
                .andExpect(content().string(containsString("136****0002")))
                .andExpect(content().string(containsString("密切接触")))
                .andExpect(content().string(containsString("时空伴随")))
                .andExpect(content().string(not(containsString("13600000002"))));
        mvc.perform(post("/tracing").session(session).with(csrf()).param("phone", "13600000001").param("reveal", "1"))
                .andExpect(content().string(containsString("请填写原因")));
        // a day that is not a day: said beside the field, what was typed kept
        mvc.perform(post("/tracing").session(session).with(csrf()).param("phone", "13600000001").param("from", "2020-02-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期格式应为 2020-01-22")))
                .andExpect(content().string(containsString("value=\"13600000001\"")));
        mvc.perform(post("/tracing").session(session).with(csrf()).param("phone", "13600000001").param("reveal", "1")
                        .param("reason", "确诊病例流调"))
                .andExpect(content().string(containsString("13600000002")));
        // an export hands out full phones: it needs a reason too
        mvc.perform(post("/tracing/export").session(session).with(csrf()).param("phone", "13600000001"))
                .andExpect(content().string(containsString("请填写原因")));
        mvc.perform(post("/tracing/export").session(session).with(csrf()).param("phone", "13600000001")
                        .param("reason", "流调存档"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("exposures.xlsx")));
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102003");
        MockHttpSession ws = Staff.login(mvc, worker);
        mvc.perform(get("/tracing").session(ws)).andExpect(status().isForbidden());
    }
}
