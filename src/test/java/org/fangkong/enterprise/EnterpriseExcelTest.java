package org.fangkong.enterprise;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry in and out of Excel (issue 15, item 1): a file with bad rows is refused whole with
 * each row's fault in Chinese under its column; valid rows only writes the rest; the same file again
 * updates; the export, read back with the library that wrote it, is the import's layout.
 */
@FangkongTest
class EnterpriseExcelTest {

    static final String VILLAGE = "370102003008";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    long count() {
        return jdbc.sql("select count(*) from enterprise").query(Long.class).single();
    }

    @Test
    void importRefusesBadRowsWholeThenWritesAndUpdates() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String[] codes = {EnterpriseResumptionTest.newCreditCode(), EnterpriseResumptionTest.newCreditCode(),
                EnterpriseResumptionTest.newCreditCode()};
        String wrongCheck = codes[0].substring(0, 17) + (codes[0].charAt(17) == '0' ? '1' : '0');
        String[][] rows = {
                EnterpriseExcel.HEADERS,
                {codes[0], "趵突泉啤酒厂", "", "15", "大型", "是", "否", "是", VILLAGE, "", "泉城路 1 号", "300", "已复工", "2026-11-20", "200"},
                {codes[1], "历下印刷厂", "C", "23", "小型", "否", "否", "否", VILLAGE, "", "", "40", "", "", ""},
                {codes[2], "泉城物流", "G", "54", "中型", "是", "否", "是", VILLAGE, "", "", "120", "达产", "2026-11-25", "120"},
                {wrongCheck, "错码企业", "", "15", "小型", "否", "否", "否", VILLAGE, "", "", "10", "", "", ""},
                {codes[1], "重复企业", "", "23", "小型", "否", "否", "否", VILLAGE, "", "", "10", "", "", ""},
                {EnterpriseResumptionTest.newCreditCode(), "坏状态", "", "23", "小型", "否", "否", "否", VILLAGE, "", "", "10", "开工", "", ""},
        };
        long before = count();
        mvc.perform(post("/api/v1/enterprises/import").header("Authorization", "Bearer " + officer)
                        .contentType("application/octet-stream").content(Sheets.xlsx(rows)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rejectedRows").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(5)).andExpect(jsonPath("$.errors[0].field").value("统一社会信用代码"))
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位不对，请核对营业执照。"))
                .andExpect(jsonPath("$.errors[1].row").value(6)).andExpect(jsonPath("$.errors[2].field").value("复工状态"));
        assertThat(count()).isEqualTo(before);

        mvc.perform(post("/api/v1/enterprises/import?validRowsOnly=true").header("Authorization", "Bearer " + officer)
                        .contentType("application/octet-stream").content(Sheets.xlsx(rows)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.written").value(3)).andExpect(jsonPath("$.added").value(3))
                .andExpect(jsonPath("$.rejected").value(3));
        assertThat(count()).isEqualTo(before + 3);
        String listed = mvc.perform(get("/api/v1/enterprises?q=" + codes[2]).header("Authorization", "Bearer " + officer))
                .andExpect(jsonPath("$.items[0].state").value("FULL_PRODUCTION")).andExpect(jsonPath("$.items[0].stateSince").value("2026-11-25"))
                .andExpect(jsonPath("$.items[0].staffBack").value(120)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(listed, "$.items[0].section")).isEqualTo("G");

        // the same three again: updated, not added; the new name stays with its credit code
        String[][] again = {rows[0], rows[1].clone(), rows[2], rows[3]};
        again[1][1] = "趵突泉啤酒集团";
        mvc.perform(post("/api/v1/enterprises/import").header("Authorization", "Bearer " + officer)
                        .contentType("application/octet-stream").content(Sheets.xlsx(again)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.updated").value(3)).andExpect(jsonPath("$.added").value(0));
        assertThat(count()).isEqualTo(before + 3);

        byte[] export = mvc.perform(get("/api/v1/enterprises/export?node=370102003").header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export))) {
            List<Row> sheet = wb.getFirstSheet().read();
            assertThat(sheet.get(0).getCellText(0)).isEqualTo("统一社会信用代码");
            assertThat(sheet).anySatisfy(r -> {
                assertThat(r.getCellText(0)).isEqualTo(codes[0]);
                assertThat(r.getCellText(1)).isEqualTo("趵突泉啤酒集团");
                assertThat(r.getCellText(4)).isEqualTo("大型");
                assertThat(r.getCellText(12)).isEqualTo("已复工");
                assertThat(r.getCellText(14)).isEqualTo("200");
            });
        }
    }
}
