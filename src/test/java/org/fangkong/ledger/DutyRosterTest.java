package org.fangkong.ledger;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.DutyRoster;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** docs/rules.md "Checkpoints": shifts covering 24 h, one responsible person each, gaps shown. */
@FangkongTest
class DutyRosterTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void gapsAreTheHoursNoStaffedShiftCovers() {
        assertThat(DutyRoster.gaps(List.of())).containsExactly(new int[] {0, 1440});
        assertThat(DutyRoster.gaps(List.of(new int[] {0, 360}, new int[] {360, 720}, new int[] {720, 1080},
                new int[] {1080, 1440}))).isEmpty();
        // overlaps are fine; the night is not covered
        assertThat(DutyRoster.gaps(List.of(new int[] {480, 900}, new int[] {840, 1200})))
                .containsExactly(new int[] {0, 480}, new int[] {1200, 1440});
    }

    ResultActions shift(String token, long checkpoint, LocalDate day, String start, String end, String staffJson,
                        String responsible) throws Exception {
        return mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/shifts").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"day\":\"" + day + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"staff\":" + staffJson
                        + ",\"responsible\":\"" + responsible + "\"}"));
    }

    @Test
    void aWeekShowsFullDaysAndGaps() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.VILLAGE));
        long c = ((Number) JsonPath.read(mvc.perform(post("/api/v1/checkpoints").header("Authorization", "Bearer " + worker)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"" + LedgerApiTest.VILLAGE + "\",\"name\":\"南路口\",\"kind\":\"ROAD\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        LocalDate monday = LocalDate.of(2020, 2, 10);
        // four people in four shifts: the whole day
        String[][] shifts = {{"00:00", "06:00", "甲"}, {"06:00", "12:00", "乙"}, {"12:00", "18:00", "丙"}, {"18:00", "24:00", "丁"}};
        for (String[] s : shifts) {
            shift(worker, c, monday, s[0], s[1], "[\"" + s[2] + "\"]", s[2]).andExpect(status().isCreated());
        }
        // the next day: only the day shift is staffed, the evening shift has nobody
        shift(worker, c, monday.plusDays(1), "8:00", "18:00", "[\"甲\",\"乙\"]", "甲").andExpect(status().isCreated());
        shift(worker, c, monday.plusDays(1), "18:00", "24:00", "[]", "丙").andExpect(status().isCreated());
        // bad shifts name their field
        shift(worker, c, monday, "20:00", "08:00", "[\"甲\"]", "甲").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("end"));
        shift(worker, c, monday, "25:00", "26:00", "[\"甲\"]", "甲").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("start"));
        shift(worker, c, monday, "08:00", "09:00", "[\"甲\"]", " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("responsible"));

        mvc.perform(get("/api/v1/checkpoints/" + c + "/roster").param("from", monday.toString())
                        .header("Authorization", "Bearer " + worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[0].covered").value(true))
                .andExpect(jsonPath("$[0].shifts.length()").value(4))
                .andExpect(jsonPath("$[0].shifts[3].end").value("24:00"))
                .andExpect(jsonPath("$[1].covered").value(false))
                .andExpect(jsonPath("$[1].gaps[0].start").value("00:00"))
                .andExpect(jsonPath("$[1].gaps[0].end").value("08:00"))
                .andExpect(jsonPath("$[1].gaps[1].start").value("18:00"))
                .andExpect(jsonPath("$[2].gaps[0].end").value("24:00"));

        var session = Staff.login(mvc, staff.create(Role.GRID_WORKER, LedgerApiTest.VILLAGE));
        mvc.perform(get("/checkpoints/" + c + "/roster").param("from", monday.toString()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24 小时有人值守")))
                .andExpect(content().string(containsString("空岗 00:00–08:00")))
                .andExpect(content().string(containsString("无值班人员")));
    }
}
