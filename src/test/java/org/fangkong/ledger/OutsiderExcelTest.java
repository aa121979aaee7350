package org.fangkong.ledger;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.security.Role;
import org.fangkong.ledger.outsiders.OutsiderExcel;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
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

/** The outsider ledger out to Excel and back: lossless round trip, bad rows by number, valid rows on request. */
@FangkongTest
class OutsiderExcelTest {

    static final String VILLAGE = "370102001009";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    long outsiders() {
        return jdbc.sql("select count(*) from outsider where jurisdiction_code = :v").param("v", VILLAGE).query(Long.class).single();
    }

    byte[] export(String token) throws Exception {
        return mvc.perform(get("/api/v1/outsiders/export").param("jurisdiction", VILLAGE).param("reason", "台账备份")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void exportImportExportIsLosslessAndBadRowsAreNamed() throws Exception {
        String token = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String wuhanId = LedgerApiTest.idNumber(LocalDate.of(1979, 12, 1), false);
        String phone = LedgerApiTest.phone();
        LocalDate arrived = LocalDate.now().minusDays(5);
        for (String body : List.of("""
                {"jurisdiction":"%s","name":"江汉","idNumber":"%s","phone":"%s","origin":"湖北省武汉市江汉区","originCode":"420103",
                 "arrivedOn":"%s","leftKeyAreaOn":"%s","address":"青龙街 5 号","purpose":"返乡"}"""
                .formatted(VILLAGE, wuhanId, phone, arrived, arrived.minusDays(1)), """
                {"jurisdiction":"%s","name":"泰山","phone":"%s","origin":"泰安市","arrivedOn":"%s","address":"青龙街 7 号"}"""
                .formatted(VILLAGE, LedgerApiTest.phone(), arrived))) {
            mvc.perform(post("/api/v1/outsiders").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        }
        byte[] first = export(token);
        List<List<String>> rows = ResidentExcelTest.rows(first, OutsiderExcel.HEADERS.length, c -> c == 7 || c == 8 || c == 11);
        assertThat(rows.get(0)).containsExactly(OutsiderExcel.HEADERS);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("江汉", wuhanId, phone, "湖北省武汉市江汉区", "420103", "是",
                arrived.toString(), arrived.minusDays(1).toString(), "青龙街 5 号", "返乡"));

        mvc.perform(post("/api/v1/outsiders/import").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(first))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.updated").value(2));
        assertThat(outsiders()).isEqualTo(2);
        assertThat(ResidentExcelTest.rows(export(token), OutsiderExcel.HEADERS.length, c -> c == 7 || c == 8 || c == 11))
                .isEqualTo(rows);

        // one new outsider and one bad row: nothing written until the valid rows are asked for
        String[][] edited = {OutsiderExcel.HEADERS,
                {VILLAGE, "新来", "", LedgerApiTest.phone(), "武汉", "", "", arrived.toString(), "", "青龙街 9 号", "", ""},
                {VILLAGE, "错期", "", LedgerApiTest.phone(), "济宁", "", "", "2020-02-30", "", "青龙街 11 号", "", ""}};
        byte[] file = Sheets.xlsx(edited);
        mvc.perform(post("/api/v1/outsiders/import").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(file))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("到达日期"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("日期")));
        assertThat(outsiders()).isEqualTo(2);
        mvc.perform(post("/api/v1/outsiders/import").param("validRowsOnly", "true").header("Authorization", "Bearer " + token)
                        .contentType(ResidentExcelTest.XLSX).content(file))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(1)).andExpect(jsonPath("$.rejected").value(1));
        assertThat(outsiders()).isEqualTo(3);
        assertThat(jdbc.sql("select from_key_area from outsider where jurisdiction_code = :v and address = '青龙街 9 号'")
                .param("v", VILLAGE).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT' and target like :t")
                .param("t", "outsiders:" + VILLAGE + " rows:%").query(Long.class).single()).isEqualTo(2);
    }
}
