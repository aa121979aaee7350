package org.fangkong.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;

import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.reporting.DemoReports;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command dashboard in Chromium: 东营市 with cases in one district and a month of reports, on a
 * 375 px phone (tiles coloured with a word, the three ECharts drawn, one click down to a village)
 * and on a 1920 px wall screen in the dark variant.
 */
@FangkongTest
class DashboardBrowserTest {

    static final Actor ADMIN = new Actor(0, "dashboard-browser", "测试", Role.ADMIN, "37", "37");

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    PublishedCounts counts;
    @Autowired
    DemoReports reports;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCommanderDrillsDownOnAPhoneAndWatchesTheWallScreen() throws Exception {
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        counts.apply("370502", today.minusDays(10), "CONFIRMED", 3, ADMIN);
        counts.apply("370502", today.minusDays(4), "CONFIRMED", 2, ADMIN);
        counts.apply("370502", today.minusDays(1), "CURED", 2, ADMIN);
        reports.generate("37.3705", today.minusDays(20), today.minusDays(1), 0.5);
        Staff.Account commander = staff.create(Role.COMMANDER, "3705");
        String base = "http://localhost:" + port;

        browser = Browser.start(375, 812);
        Browser.login(browser, base, commander.username(), Staff.PASSWORD);
        browser.get(base + "/dashboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("指挥大屏 · 东营市").contains("中风险");
        assertThat(browser.findElement(By.id("figures")).getText()).contains("5\n累计确诊").contains("2\n治愈").contains("40.0%");
        var district = browser.findElement(By.id("tile-370502"));
        assertThat(district.getDomAttribute("class")).contains("risk-medium");
        assertThat(district.getText()).contains("东营区").contains("中风险").contains("确诊 5");
        assertThat(browser.findElement(By.id("tile-370503")).getText()).contains("低风险");
        waitForCharts();
        assertThat(browser.findElement(By.id("completeness")).getText()).contains("报告完整率");
        Browser.screenshotWholePage(browser, "dashboard-01-phone-375");

        district.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "东营区"));
        String township = browser.findElements(By.cssSelector(".risk-tile")).get(0).getDomAttribute("id");
        assertThat(browser.findElement(By.id(township)).getText()).contains("中风险");
        browser.findElement(By.id(township)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(township.substring(5)));
        browser.findElements(By.cssSelector(".risk-tile")).get(0).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".risk-tile")).isEmpty());
        assertThat(browser.findElement(By.id("node-risk")).getText()).isEqualTo("中风险");
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText()).contains("东营市").contains("东营区");
        waitForCharts();
        Browser.screenshotWholePage(browser, "dashboard-02-village-375");
        browser.quit();

        browser = Browser.start(1920, 1080);
        Browser.login(browser, base, commander.username(), Staff.PASSWORD);
        browser.get(base + "/dashboard?wall=true");
        waitForCharts();
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("class")).contains("wall");
        assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color")).isEqualTo("rgba(13, 20, 27, 1)");
        assertThat(browser.findElement(By.id("tile-370502")).getDomAttribute("href")).contains("wall=true");
        Browser.screenshotWholePage(browser, "dashboard-03-wall-1920");
    }

    void waitForCharts() {
        for (String id : new String[] {"chart-cases", "chart-reports", "chart-risk"}) {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id(id), "data-rendered", "true"));
            assertThat(browser.findElement(By.id(id)).findElements(By.cssSelector("svg path"))).isNotEmpty();
        }
    }
}
