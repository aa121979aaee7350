package org.fangkong.browser;

import java.time.Duration;
import java.util.Map;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin loads the replay of February–March 2020 and the wall screen shows the province on
 * 2020-02-24 as published (755 confirmed, 341 cured), 济宁 high risk, and where county figures are
 * ranges. Its own database: the replay's 2020 cases would change other tests' cumulative figures.
 */
@FangkongTest
@TestPropertySource(properties = {"fangkong.test.database=demo", "fangkong.demo.enabled=true", "fangkong.demo.on-first-start=false"})
class ReplayBrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminLoadsTheReplayAndTheWallScreenShowsFebruary2020() throws Exception {
        String base = "http://localhost:" + port;
        browser = Browser.start(1920, 1080);
        Browser.login(browser, base, "admin", "admin-test-password");
        browser.get(base + "/demo");
        browser.findElement(By.id("replay-2020")).click();
        assertThat(browser.findElement(By.id("ranges")).getText()).contains("任城区 (370811)").contains("27 – 235");
        browser.findElement(By.id("replay-load")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(By.id("job-done")));
        assertThat(browser.findElement(By.id("job-done")).getText()).contains("确诊 774 例").contains("任城监狱");
        browser.findElement(By.id("job-link")).click();
        browser.findElement(By.id("replay-dashboard")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
        assertThat(browser.findElement(By.id("figures")).getText()).contains("755\n累计确诊").contains("341\n治愈").contains("45.2%");
        browser.findElement(By.id("wall-toggle")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("wall=true"));
        assertThat(browser.findElement(By.id("tile-3708")).getDomAttribute("class")).contains("risk-high");
        assertThat(browser.findElement(By.id("tile-3708")).getText()).contains("高风险").contains("确诊 257");
        assertThat(browser.findElement(By.id("no-reports")).getText()).contains("2020-02-24 没有任何日报告");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("chart-risk"), "data-rendered", "true"));
        Browser.screenshotWholePage(browser, "replay-01-province-2020-02-24-wall-1920");

        browser.findElement(By.id("tile-3708")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "济宁市"));
        assertThat(browser.findElement(By.id("figure-notes")).getText()).contains("个县的公开数字只能推出区间");
        assertThat(browser.findElement(By.id("tile-370811")).getText()).contains("任城区").contains("高风险");
        browser.findElement(By.id("day-before")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("day=2020-02-23"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("chart-cases"), "data-rendered", "true"));
        Browser.screenshotWholePage(browser, "replay-02-jining-2020-02-23-wall-1920");

        // the wall screen's map on 2020-02-21: 任城区 the only high county (the prison cluster); medium wherever the
        // replay placed a case within 14 days (county dates before 02-17 are not published: docs/rules.md)
        browser.get(base + "/dashboard?day=2020-02-21&wall=true");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeToBe(By.id("county-map"), "data-rendered", "136"));
        @SuppressWarnings("unchecked")
        Map<String, Object> bins = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                var areas = JSON.parse(document.getElementById('dashboard-data').textContent).map.areas, out = {};
                areas.forEach(function (a) { out[a.code] = a.bin; });
                return out;""");
        assertThat(((Number) bins.get("370811")).intValue()).isEqualTo(3);
        long high = bins.values().stream().filter(b -> ((Number) b).intValue() == 3).count();
        long medium = bins.values().stream().filter(b -> ((Number) b).intValue() == 2).count();
        assertThat(high).isEqualTo(1);
        assertThat(medium).isPositive();
        assertThat(browser.findElement(By.id("county-levels")).getText()).contains("高风险县 1 个").contains("中风险县 " + medium + " 个");
        String high3 = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('#map-legend .swatch[data-bin=\"3\"]')).backgroundColor;");
        @SuppressWarnings("unchecked")
        Map<String, String> colours = (Map<String, String>) ((JavascriptExecutor) browser).executeScript("""
                var out = {};
                echarts.getInstanceByDom(document.getElementById('county-map')).getOption().series[0].data
                    .forEach(function (d) { out[d.name] = d.itemStyle.areaColor; });
                return out;""");
        assertThat(colours.get("370811")).isEqualTo(high3);
        Browser.screenshot(browser, "replay-03-map-2020-02-21-wall-1920");
        browser.get(base + "/dashboard?jurisdiction=3708&day=2020-02-21");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeToBe(By.id("county-map"), "data-rendered", "11"));
        Browser.screenshotWholePage(browser, "replay-04-map-jining-2020-02-21-1920");
    }
}
