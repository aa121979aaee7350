package org.fangkong.browser;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directive in Chromium (issue 17): 济南's command sends it to every village of the city; a village's
 * grid worker on a phone finds it first on the home page, signs for it and answers; the city sees the
 * village answered in its progress.
 */
@FangkongTest
class DirectiveBrowserTest {

    static final String VILLAGE = "370102001009";

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    void submit(By button) {
        Browser.clickAndLoad(browser, button);
    }

    @Test
    void aCityDirectiveSignedAndAnsweredByAVillage() throws Exception {
        String base = "http://localhost:" + port;
        Staff.Account city = staff.create(Role.COMMANDER, "3701");
        browser = Browser.start(1440, 900);
        Browser.login(browser, base, city.username(), Staff.PASSWORD);
        browser.get(base + "/directives");
        browser.findElement(By.cssSelector("#issued summary")).click();
        type("dv-title", "关于做好社区卡口 24 小时值守的通知");
        type("dv-body", "各村（社区）卡口实行 24 小时值守，进出人员一律测温、登记。");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("dv-deadline")),
                LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        browser.findElement(By.id("level-VILLAGE")).click();
        submit(By.id("issue-directive"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已下达");
        String progress = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("progress-total")).getText()).contains("0");
        Browser.screenshotWholePage(browser, "directive-01-issued");

        browser.quit();
        browser = Browser.start(375, 667);
        Browser.login(browser, base, staff.create(Role.GRID_WORKER, VILLAGE).username(), Staff.PASSWORD);
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("条指令待签收或反馈");
        browser.get(base + "/directives");
        browser.findElement(By.linkText("关于做好社区卡口 24 小时值守的通知")).click();
        submit(By.id("sign"));
        assertThat(browser.findElement(By.id("my-state")).getText()).contains("已签收");
        type("feedback", "本社区 2 个卡口已安排 4 班 8 人值守。");
        Browser.screenshot(browser, "directive-02-village-on-phone");
        submit(By.id("complete"));
        assertThat(browser.findElement(By.id("my-state")).getText()).contains("已反馈");

        browser.quit();
        browser = Browser.start(1440, 900);
        Browser.login(browser, base, city.username(), Staff.PASSWORD);
        browser.get(progress);
        assertThat(browser.findElement(By.id("progress-370102")).getText()).startsWith("1 /");
        Browser.screenshot(browser, "directive-03-progress");
    }
}
