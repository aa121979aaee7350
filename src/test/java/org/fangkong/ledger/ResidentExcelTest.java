package org.fangkong.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.residents.ResidentWorkbook;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident ledger out to Excel and back: Chinese headers, lossless round trip, bad rows by number. */
@FangkongTest
class ResidentExcelTest {

    static final String VILLAGE = "370102002003";
    /** the bad-file test keeps to its own village, so the round trip's ledger stays its own */
    static final String OTHER = "370102002002";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    byte[] export(String token) throws Exception {
        return mvc.perform(get("/api/v1/residents/export").param("jurisdiction", VILLAGE).param("reason", "台账备份")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        return rows(xlsx, ResidentWorkbook.HEADERS.length, c -> c >= 12);
    }

    /** Every row of the first sheet as text, {@code columns} wide; numbers in date columns as days. */
    static List<List<String>> rows(byte[] xlsx, int columns, IntPredicate dateColumn) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            try (var stream = wb.getFirstSheet().openStream()) {
                stream.forEach((Row r) -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < columns; c++) {
                        int column = c;
                        cells.add(r.getOptionalCell(c).map(x -> switch (x.getType()) {
                            case NUMBER -> dateColumn.test(column) ? x.asDate().toLocalDate().toString()
                                    : x.asNumber().stripTrailingZeros().toPlainString();
                            case EMPTY -> "";
                            default -> x.getText();
                        }).orElse(""));
                    }
                    rows.add(cells);
                });
            }
        }
        return rows;
    }

    ResultActions importXlsx(String token, byte[] xlsx, boolean validRowsOnly) throws Exception {
        return mvc.perform(post("/api/v1/residents/import").param("validRowsOnly", Boolean.toString(validRowsOnly))
                .header("Authorization", "Bearer " + token).contentType(XLSX).content(xlsx));
    }

    long residents(String village) {
        return jdbc.sql("select count(*) from resident r join household h on h.id = r.household_id where h.jurisdiction_code = :v")
                .param("v", village).query(Long.class).single();
    }

    @Test
    void theLedgerGoesOutToExcelAndComesBackUnchanged() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, VILLAGE));
        String id = LedgerApiTest.idNumber(LocalDate.of(1962, 7, 1), false);
        String phone = LedgerApiTest.phone();
        String tenantPhone = LedgerApiTest.phone();
        String household = mvc.perform(post("/api/v1/households").header("Authorization", "Bearer " + worker)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"jurisdiction\":\"" + VILLAGE + "\",\"building\":\"东院\",\"address\":\"8号\"}"))
                .andReturn().getResponse().getContentAsString();
        long h = ((Number) JsonPath.read(household, "$.id")).longValue();
        for (String json : new String[] {
                "{\"name\":\"马秀英\",\"idNumber\":\"" + id + "\",\"phone\":\"" + phone + "\",\"relation\":\"HEAD\",\"residence\":\"REGISTERED\","
                        + "\"fromKeyArea\":true,\"leftKeyAreaOn\":\"2020-01-21\"}",
                "{\"name\":\"田野\",\"phone\":\"" + tenantPhone + "\",\"relation\":\"TENANT\",\"residence\":\"TENANT\",\"health\":\"FEVER\"}"}) {
            mvc.perform(post("/api/v1/households/" + h + "/residents").header("Authorization", "Bearer " + worker)
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
        }

        byte[] first = export(worker);
        List<List<String>> rows = rows(first);
        assertThat(rows.get(0)).containsExactly(ResidentWorkbook.HEADERS);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly(VILLAGE, "东院", "8号", "马秀英", id, phone, "女",
                Integer.toString(Period.between(LocalDate.of(1962, 7, 1), LocalDate.now(ZoneId.of("Asia/Shanghai"))).getYears()),
                "户主", "户籍", "健康", "是", "2020-01-21", "");
        assertThat(rows.get(2)).containsExactly(VILLAGE, "东院", "8号", "田野", "", tenantPhone, "", "", "租户", "租住", "发热", "否", "", "");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT' and reason = '台账备份'")
                .query(Long.class).single()).isPositive();

        // back in: nobody is added twice, and the ledger exports exactly as before
        long before = residents(VILLAGE);
        importXlsx(worker, first, false).andExpect(status().isCreated()).andExpect(jsonPath("$.written").value(2));
        assertThat(residents(VILLAGE)).isEqualTo(before);
        assertThat(rows(export(worker))).isEqualTo(rows);
    }

    @Test
    void aFileWithABadRowWritesNothingUnlessTheValidRowsAreWanted() throws Exception {
        String worker = Staff.token(mvc, staff.create(Role.GRID_WORKER, OTHER));
        String good = LedgerApiTest.idNumber(LocalDate.of(1970, 1, 1), true);
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("人员构成台账");
        String[][] data = {
                ResidentWorkbook.HEADERS,
                {OTHER, "西院", "1号", "郑和", good, "", "", "", "户主", "户籍", "健康", "否", "", ""},
                {OTHER, "西院", "1号", "郑平", bad, "", "", "", "子女", "户籍", "健康", "否", "", ""},
                {OTHER, "西院", "2号", "郑安", "", LedgerApiTest.phone(), "", "", "老板", "户籍", "", "否", "", ""},
                {"370102003001", "西院", "3号", "郑宁", "", LedgerApiTest.phone(), "", "", "户主", "常住", "", "否", "", ""},
                {OTHER, "西院", "4号", "郑康", "", LedgerApiTest.phone(), "", "", "户主", "常住", "", "否", "2020-13-01", ""}};
        for (int r = 0; r < data.length; r++) {
            for (int c = 0; c < data[r].length; c++) {
                ws.value(r, c, data[r][c]);
            }
        }
        wb.finish();
        long before = residents(OTHER);
        importXlsx(worker, out.toByteArray(), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejectedRows").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("身份证号"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("校验")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("与户主关系"))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[3].field").value("离开重点地区日期"));
        assertThat(residents(OTHER)).isEqualTo(before);

        importXlsx(worker, out.toByteArray(), true)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.written").value(1)).andExpect(jsonPath("$.rejected").value(4));
        assertThat(residents(OTHER)).isEqualTo(before + 1);

        importXlsx(worker, "not a spreadsheet".getBytes(), false)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"));
    }
}
