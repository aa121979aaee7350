package org.fangkong.reporting;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 6 item 7: the day's report summary of a township as xlsx (read back) and as a PDF sheet (text read back). */
@FangkongTest
class ReportSummaryTest {

    static final String TOWNSHIP = "370102006";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void theTownshipsDayAsAWorkbookAndAPrintableSheet() throws Exception {
        LocalDate day = ShanghaiTime.today(Clock.systemUTC()).minusDays(50);
        String quiet = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102006012"));
        String busy = Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102006013"));
        mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + quiet).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"370102006012\",\"day\":\"%s\",\"zero\":true}".formatted(day))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + busy).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"unit":"370102006013","day":"%s","counts":{"newFever":2,"newSuspected":0,"newConfirmed":0,"newCloseContacts":3,
                         "homeObservation":4,"centralObservation":1,"released":0,"keyAreaArrivals":5}}""".formatted(day)))
                .andExpect(status().isCreated());
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, TOWNSHIP));

        byte[] xlsx = mvc.perform(get("/api/v1/reports/summary.xlsx").param("jurisdiction", TOWNSHIP).param("day", day.toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).endsWith(day + " 日报告汇总表");
            assertThat(rows.get(2).getCellText(0)).isEqualTo("辖区");
            assertThat(rows.get(2).getCellText(8)).isEqualTo("新增发热");
            Row total = rows.get(3);
            assertThat(total.getCellText(0)).endsWith("（合计）");
            assertThat(total.getCellText(1)).isEqualTo(TOWNSHIP);
            int expected = Integer.parseInt(total.getCellText(2));
            assertThat(expected).isGreaterThanOrEqualTo(3);
            assertThat(total.getCellText(3)).isEqualTo("2");
            assertThat(total.getCellText(5)).isEqualTo("1");
            assertThat(total.getCellText(8)).isEqualTo("2");
            assertThat(total.getCellText(11)).isEqualTo("3");
            assertThat(total.getCellText(12)).isEqualTo("4");
            assertThat(total.getCellText(15)).isEqualTo("5");
            Row busyRow = rows.stream().filter(r -> "370102006013".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(busyRow.getCellText(3)).isEqualTo("1");
            assertThat(busyRow.getCellText(8)).isEqualTo("2");
            assertThat(rows).hasSize(4 + expected);
            List<String> missing = wb.getSheets().toList().get(1).read().stream().skip(1).map(r -> r.getCellText(2))
                    .collect(Collectors.toList());
            assertThat(missing).hasSize(expected - 2).contains("370102006014").doesNotContain("370102006012", "370102006013");
        }

        byte[] pdf = mvc.perform(get("/api/v1/reports/summary.pdf").param("jurisdiction", TOWNSHIP).param("day", day.toString())
                        .header("Authorization", "Bearer " + officer))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("inline;")))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("filename*=UTF-8''")))
                .andExpect(header().string("Content-Disposition", Matchers.containsString(
                        URLEncoder.encode("-" + day + "-日报告汇总.pdf", StandardCharsets.UTF_8))))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(day + "日报告汇总表").contains("新增发热").contains("（合计）" + TOWNSHIP)
                    .contains("未报告单位（" + (expected(xlsx) - 2) + "个").contains("审核人");
        }

        // the summary of a township out of scope is refused
        String elsewhere = Staff.token(mvc, staff.create(Role.OFFICER, "370103"));
        mvc.perform(get("/api/v1/reports/summary.pdf").param("jurisdiction", TOWNSHIP).header("Authorization", "Bearer " + elsewhere))
                .andExpect(status().is4xxClientError());
    }

    static int expected(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return Integer.parseInt(wb.getFirstSheet().read().get(3).getCellText(2));
        }
    }
}
