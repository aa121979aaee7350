package org.fangkong.ledger;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.RosterExcel;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Checkpoints and the duty roster out to Excel and back: lossless, a new checkpoint and shift from the file, bad rows named. */
@FangkongTest
class RosterExcelTest {

    static final String VILLAGE = "370102001006";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    byte[] export(String token) throws Exception {
        return mvc.perform(get("/api/v1/checkpoints/roster.xlsx").param("jurisdiction", VILLAGE)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    long shifts() {
        return jdbc.sql("select count(*) from duty_shift s join checkpoint c on c.id = s.checkpoint_id where c.jurisdiction_code = :v")
                .param("v", VILLAGE).query(Long.class).single();
    }

    @Test
    void exportImportExportIsLossless() throws Exception {
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        long checkpoint = ((Number) JsonPath.read(mvc.perform(post("/api/v1/checkpoints").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"%s\",\"name\":\"后坡街北口\",\"kind\":\"ROAD\",\"location\":\"后坡街与北园大街路口\"}"
                                .formatted(VILLAGE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        LocalDate day = LocalDate.of(2020, 2, 10);
        for (String[] s : new String[][] {{"00:00", "12:00", "\"张卫\",\"李军\"", "张卫"}, {"12:00", "24:00", "\"王红\"", "王红"}}) {
            mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/shifts").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"staff\":[%s],\"responsible\":\"%s\"}"
                            .formatted(day, s[0], s[1], s[2], s[3]))).andExpect(status().isCreated());
        }
        byte[] first = export(token);
        List<List<String>> rows = ResidentExcelTest.rows(first, RosterExcel.HEADERS.length, c -> c == 4);
        assertThat(rows.get(0)).containsExactly(RosterExcel.HEADERS);
        assertThat(rows).contains(List.of(VILLAGE, "后坡街北口", "道路卡口", "后坡街与北园大街路口", "2020-02-10", "00:00", "12:00",
                "张卫、李军", "张卫"));

        mvc.perform(post("/api/v1/checkpoints/roster/import").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(first))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.checkpointsAdded").value(0))
                .andExpect(jsonPath("$.shiftsAdded").value(0)).andExpect(jsonPath("$.shiftsUpdated").value(2));
        assertThat(ResidentExcelTest.rows(export(token), RosterExcel.HEADERS.length, c -> c == 4)).isEqualTo(rows);
        assertThat(shifts()).isEqualTo(2);

        byte[] edited = Sheets.xlsx(new String[][] {RosterExcel.HEADERS,
                {VILLAGE, "十亩园门岗", "小区门岗", "", "2020-02-11", "8:00", "20:00", "赵敏, 钱进", "赵敏"},
                {VILLAGE, "十亩园门岗", "小区门岗", "", "2020-02-11", "20:00", "08:00", "孙立", "孙立"},
                {VILLAGE, "十亩园门岗", "岗亭", "", "", "", "", "", ""}});
        mvc.perform(post("/api/v1/checkpoints/roster/import").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(edited))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].field").value("结束时间"))
                .andExpect(jsonPath("$.errors[1].row").value(4)).andExpect(jsonPath("$.errors[1].field").value("卡口类型"));
        assertThat(shifts()).isEqualTo(2);
        mvc.perform(post("/api/v1/checkpoints/roster/import").param("validRowsOnly", "true").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(edited))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.checkpointsAdded").value(1))
                .andExpect(jsonPath("$.shiftsAdded").value(1));
        assertThat(jdbc.sql("""
                select array_to_string(s.staff, '|') from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                where c.name = '十亩园门岗' and c.jurisdiction_code = :v""").param("v", VILLAGE).query(String.class).single())
                .isEqualTo("赵敏|钱进");
    }
}
