package org.fangkong.privacy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.management.ThreadMXBean;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
import org.fangkong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads are bounded while they are read (issue 12, item 6): a tiny sheet that states a row two
 * billion rows down, a zip bomb and a 60 MB body each answer 4xx at once, and the request thread
 * allocates a bounded amount of memory doing so.
 */
@FangkongTest
class UploadLimitsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    String officer() throws Exception {
        return Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
    }

    /** A real xlsx whose data row claims to be row 2,000,000,000: about 1 KB of file. */
    static byte[] sparseSheet() throws Exception {
        byte[] real = Sheets.xlsx(new String[][] {{"姓名", "身份证号", "手机号"}, {"张三", "", "13800000000"}});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(real)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : Collections.list(in.getEntries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().contains("worksheets/sheet")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    String sparse = xml.replace("r=\"2\"", "r=\"2000000000\"").replaceAll("r=\"([A-Z]+)2\"", "r=\"$12000000000\"");
                    assertThat(sparse).contains("2000000000");
                    data = sparse.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An xlsx-looking zip whose sheet inflates to 200 MB of zeros from a few hundred KB. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Runs {@code call} and answers the bytes this thread allocated meanwhile (MockMvc runs the request here). */
    static long allocated(ThrowingRunnable call) throws Exception {
        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        call.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    ResultActions rawImport(String token, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/residents/import").header("Authorization", "Bearer " + token).contentType(XLSX).content(body));
    }

    @Test
    void aSheetStatingARowTwoBillionDownIsRefusedWithoutAllocatingTheGap() throws Exception {
        byte[] sparse = sparseSheet();
        assertThat(sparse.length).isLessThan(8_000);
        String token = officer();
        long ledger = allocated(() -> rawImport(token, sparse).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file")));
        long matching = allocated(() -> mvc.perform(multipart("/api/v1/matching-lists")
                        .file(new MockMultipartFile("file", "sparse.xlsx", XLSX, sparse)).header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("100,000"))));
        assertThat(ledger).isLessThan(100L << 20);
        assertThat(matching).isLessThan(100L << 20);
    }

    @Test
    void aZipBombIsRefusedAfterABoundedRead() throws Exception {
        byte[] bomb = zipBomb();
        assertThat(bomb.length).isLessThan(1 << 20);
        String token = officer();
        long t0 = System.nanoTime();
        rawImport(token, bomb).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("压缩炸弹")));
        mvc.perform(multipart("/api/v1/matching-lists").file(new MockMultipartFile("file", "bomb.xlsx", XLSX, bomb))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat((System.nanoTime() - t0) / 1_000_000_000.0).isLessThan(20.0);
    }

    @Test
    void aBodyOverTheUploadLimitIs413ProblemJsonForRawAndMultipartAlike() throws Exception {
        byte[] big = new byte[60 << 20];
        String token = officer();
        rawImport(token, big).andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(post("/api/v1/checkpoints/1/passages/import").header("Authorization", "Bearer " + token)
                        .contentType("application/octet-stream").content(big))
                .andExpect(status().is(413));
    }
}
