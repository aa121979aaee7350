package org.fangkong.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.PassageExcel;
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

/** A checkpoint's passage log out to Excel and back: lossless, a typed-up paper ledger checked as at the gate. */
@FangkongTest
class PassageExcelTest {

    static final String VILLAGE = "370102002004";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void exportImportExportIsLosslessAndAPaperFeverStillAlertsTheTownship() throws Exception {
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        long checkpoint = ((Number) JsonPath.read(mvc.perform(post("/api/v1/checkpoints").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"%s\",\"name\":\"棋盘街口\",\"kind\":\"ROAD\"}".formatted(VILLAGE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        String id = LedgerApiTest.idNumber(LocalDate.of(1966, 6, 6), true);
        String phone = LedgerApiTest.phone();
        for (String body : List.of(
                "{\"direction\":\"IN\",\"name\":\"马行\",\"idNumber\":\"%s\",\"origin\":\"历城区\",\"host\":\"棋盘街 3 号\",\"plate\":\"鲁A12345\",\"temperature\":36.6}".formatted(id),
                "{\"direction\":\"OUT\",\"name\":\"牛走\",\"phone\":\"%s\",\"purpose\":\"上班\",\"temperature\":36.2}".formatted(phone))) {
            mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/passages").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        }
        String url = "/api/v1/checkpoints/" + checkpoint + "/passages/export";
        byte[] first = mvc.perform(get(url).param("reason", "存档").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = ResidentExcelTest.rows(first, PassageExcel.HEADERS.length, c -> c == 0);
        assertThat(rows.get(0)).containsExactly(PassageExcel.HEADERS);
        assertThat(rows.get(1)).contains("进", "马行", id, "历城区", "棋盘街 3 号", "鲁A12345", "36.6");
        assertThat(rows.get(2)).contains("出", "牛走", phone, "上班", "36.2");

        mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/passages/import").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(first))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.written").value(2));
        assertThat(passages(checkpoint)).isEqualTo(2);
        assertThat(ResidentExcelTest.rows(mvc.perform(get(url).param("reason", "存档").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsByteArray(), PassageExcel.HEADERS.length, c -> c == 0)).isEqualTo(rows);

        // yesterday's paper ledger: a fever on entry (refused, township alerted) and a row without a temperature
        LocalDateTime yesterday = ShanghaiTime.today(Clock.systemUTC()).minusDays(1).atTime(9, 30);
        byte[] paper = Sheets.xlsx(new String[][] {PassageExcel.HEADERS,
                {yesterday.toLocalDate() + " 09:30", "进", "", id, "", "", "历城区", "", "", "", "38.2", "", "王门卫"},
                {yesterday.toLocalDate() + " 10:00", "出", "", id, "", "", "", "", "", "", "高", "", ""}});
        mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/passages/import").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(paper))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("体温"));
        assertThat(passages(checkpoint)).isEqualTo(2);
        mvc.perform(post("/api/v1/checkpoints/" + checkpoint + "/passages/import").param("validRowsOnly", "true")
                        .header("Authorization", "Bearer " + token).contentType(ResidentExcelTest.XLSX).content(paper))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.written").value(1));
        assertThat(jdbc.sql("""
                select s.refused and a.id is not null and s.recorded_by = '王门卫' from passage s
                join checkpoint_alert a on a.passage_id = s.id where s.checkpoint_id = :c""")
                .param("c", checkpoint).query(Boolean.class).single()).isTrue();
    }

    long passages(long checkpoint) {
        return jdbc.sql("select count(*) from passage where checkpoint_id = :c").param("c", checkpoint).query(Long.class).single();
    }
}
