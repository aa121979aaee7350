package org.fangkong.browser;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grid worker on a phone uploads the resident ledger from Excel with one bad row: the row is
 * named with its reason in Chinese and nothing is written; with "only the valid rows" the rest go in.
 */
@FangkongTest
class ResidentImportBrowserTest {

    static final String VILLAGE = "370102001003";

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String id(LocalDate birth, int seq) {
        String first17 = "370102" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    long residents() {
        return jdbc.sql("""
                select count(*) from resident r join household h on h.id = r.household_id
                where h.jurisdiction_code = :v and h.building = '南院'
                """).param("v", VILLAGE).query(Long.class).single();
    }

    @Test
    void aBadRowIsNamedAndTheValidRowsGoInOnRequest() throws Exception {
        String good = id(LocalDate.of(1955, 9, 9), 211);
        String bad = id(LocalDate.of(1957, 1, 1), 212);
        bad = bad.substring(0, 17) + (bad.charAt(17) == '5' ? '6' : '5');
        Path file = Files.createTempFile("台账", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("人员构成台账");
            String[][] rows = {
                    {"村（社区）/网格代码", "楼栋/院落", "门牌号", "姓名", "身份证号", "手机号", "性别", "年龄", "与户主关系", "户籍类型",
                            "健康状况", "是否来自重点地区", "离开重点地区日期", "迁出日期"},
                    {VILLAGE, "南院", "1号", "何平", good, "", "", "", "户主", "户籍", "健康", "否", "", ""},
                    {VILLAGE, "南院", "1号", "何安", bad, "", "", "", "配偶", "户籍", "健康", "否", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
            wb.finish();
        }
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 667);
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        browser.get(base + "/households");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("import")).click();

        // the import runs as a job: its page polls and then shows the outcome
        assertThat(browser.findElement(By.id("job-failed")).getText()).contains("整个文件未导入");
        assertThat(browser.getCurrentUrl()).contains("/jobs/");
        String errors = browser.findElement(By.id("import-errors")).getText();
        assertThat(errors).contains("第 3 行").contains("身份证号").contains("校验位不正确");
        assertThat(residents()).isZero();
        Browser.screenshot(browser, "residents-01-import-rejected");

        browser.get(base + "/households");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.name("validRowsOnly")).click();
        browser.findElement(By.id("import")).click();
        browser.findElement(By.id("job-done"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已导入 1 行").contains("第 3 行");
        assertThat(residents()).isEqualTo(1);
        Browser.screenshot(browser, "residents-02-valid-rows-imported");
        browser.findElement(By.id("job-link")).click();

        browser.findElement(By.id("q")).sendKeys(good);
        browser.findElement(By.id("search")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "何*"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1号");
        Files.deleteIfExists(file);
    }
}
