package org.fangkong.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's browser tests: a village sends a zero report on a phone and its county sees the
 * completeness rise; a commander overrides a county's risk level with a reason and sees it beside
 * the computed level, in the override log and (for the record) in the audit log.
 */
@FangkongTest
class CommandBrowserTest {

    static final String COUNTY = "370102";
    static final String TOWNSHIP = "370102005";
    static final String VILLAGE = "370102005003";

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

    @Test
    void aVillageSendsAZeroReportAndTheCountySeesCompletenessRise() throws Exception {
        LocalDate day = ShanghaiTime.today(Clock.systemUTC()).minusDays(45);
        Staff.Account officer = staff.create(Role.OFFICER, COUNTY);
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 812);
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/reports/completeness?jurisdiction=" + COUNTY + "&day=" + day);
        int before = reported(browser.findElement(By.id("child-" + TOWNSHIP)).getText());
        browser.findElement(By.id("child-" + TOWNSHIP)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("jurisdiction=" + TOWNSHIP));
        assertThat(browser.findElement(By.id("missing")).getText()).contains("(" + VILLAGE + ")");
        Browser.screenshot(browser, "reports-01-township-missing");

        browser.manage().deleteAllCookies();
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        browser.get(base + "/reports?day=" + day);
        assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("尚未报告");
        browser.findElement(By.id("zero-report")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("report-state"), "零报告"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("零报告");
        Browser.screenshot(browser, "reports-02-zero-report-375");

        browser.manage().deleteAllCookies();
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/reports/completeness?jurisdiction=" + COUNTY + "&day=" + day);
        assertThat(reported(browser.findElement(By.id("child-" + TOWNSHIP)).getText())).isEqualTo(before + 1);
        browser.get(base + "/reports/completeness?jurisdiction=" + TOWNSHIP + "&day=" + day);
        assertThat(browser.findElement(By.id("missing")).getText()).doesNotContain("(" + VILLAGE + ")");
        Browser.screenshot(browser, "reports-03-county-completeness");
    }

    /** The tile reads "100% 某街道 · reported/expected". */
    static int reported(String tile) {
        String counts = tile.substring(tile.lastIndexOf(' ') + 1);
        return Integer.parseInt(counts.substring(0, counts.indexOf('/')));
    }

    @Test
    void aCommanderOverridesACountyWithAReasonAndSeesItAudited() throws Exception {
        Staff.Account commander = staff.create(Role.COMMANDER, "3704");
        String base = "http://localhost:" + port;
        browser = Browser.start(1280, 900);
        Browser.login(browser, base, commander.username(), Staff.PASSWORD);
        browser.get(base + "/zoning");
        WebElement row = browser.findElement(By.id("county-370402"));
        assertThat(row.getText()).contains("市中区").contains("低风险");

        // no reason: refused, the error beside the county's form, nothing changed
        new Select(row.findElement(By.name("level"))).selectByValue("HIGH");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(browser.findElement(By.id("county-370402")).findElement(By.className("error")).getText()).isEqualTo("请填写原因。");
        assertThat(browser.findElement(By.id("county-370402")).findElement(By.className("risk-badge")).getText()).isEqualTo("低风险");

        row = browser.findElement(By.id("county-370402"));
        new Select(row.findElement(By.name("level"))).selectByValue("HIGH");
        row.findElement(By.name("reason")).sendKeys("学校出现发热聚集，提前按高风险管控");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("记入审计日志");
        row = browser.findElement(By.id("county-370402"));
        assertThat(row.findElement(By.className("risk-badge")).getText()).isEqualTo("高风险");
        assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo("低风险");
        assertThat(row.getText()).contains("已调整：学校出现发热聚集");
        assertThat(browser.findElement(By.id("override-log")).getText())
                .contains(commander.username()).contains("市中区 → 高风险").contains("学校出现发热聚集，提前按高风险管控");
        Browser.screenshot(browser, "zoning-01-override");

        Map<String, Object> audit = jdbc.sql("""
                        select actor_username, target, reason from audit_entry
                        where action = 'ZONING_OVERRIDE' and target like 'county:370402 %' order by id desc limit 1
                        """).query().singleRow();
        assertThat(audit).containsEntry("actor_username", commander.username())
                .containsEntry("reason", "学校出现发热聚集，提前按高风险管控");
        assertThat((String) audit.get("target")).endsWith(" HIGH");
    }
}
