package org.fangkong.browser;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.Checkpoint;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the gate on a 375 px phone: a grid worker records a passage with a fever; entry is refused in
 * red, and the township officer finds the alert on their list and records what was done.
 */
@FangkongTest
class GateBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    PassageLog passages;
    @Autowired
    Staff staff;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aFeverAtTheGateIsRefusedAndReachesTheTownship() throws Exception {
        Actor admin = new Actor(0, "browser-test", "测试", Role.ADMIN, "37", "37");
        Checkpoint gate = passages.createCheckpoint("370102001003", "北门岗", "GATE", "小区北门", admin);
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102001003");
        Staff.Account officer = staff.create(Role.OFFICER, "370102001");
        String base = "http://localhost:" + port;

        browser = Browser.start(375, 667);
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        browser.get(base + "/checkpoints");
        WebElement tile = browser.findElement(By.cssSelector("a.tile[href$='/checkpoints/" + gate.id() + "']"));
        assertThat(tile.getText()).contains("北门岗").contains("小区门岗");
        tile.click();
        WebElement temperature = browser.findElement(By.id("temperature"));
        assertThat(temperature.getAttribute("inputmode")).isEqualTo("decimal");
        // the form fits the phone: no sideways scrolling
        assertThat(browser.findElement(By.id("record-passage")).getRect().getX()
                + browser.findElement(By.id("record-passage")).getSize().getWidth()).isLessThanOrEqualTo(375);
        temperature.sendKeys("37.8");
        browser.findElement(By.id("name")).sendKeys("孙强");
        browser.findElement(By.id("phone")).sendKeys("13712345678");
        browser.findElement(By.id("origin")).sendKeys("湖北省孝感市");
        Browser.screenshot(browser, "gate-01-entry");
        browser.findElement(By.id("record-passage")).click();

        WebElement refused = browser.findElement(By.id("refused"));
        assertThat(refused.getText()).contains("37.8").contains("禁止进入");
        assertThat(refused.getCssValue("color")).isEqualTo("rgba(198, 40, 40, 1)");
        assertThat(browser.findElement(By.id("passages")).getText()).contains("孙*").contains("禁止进入");
        Browser.screenshot(browser, "gate-02-refused");

        // a missing temperature is named, and what was typed stays
        browser.findElement(By.id("name")).sendKeys("钱多");
        browser.findElement(By.id("phone")).sendKeys("13712345679");
        browser.findElement(By.id("record-passage")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/checkpoints/" + gate.id());

        browser.manage().deleteAllCookies();
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/checkpoints");
        Browser.clickAndLoad(browser, By.id("open-alerts"));
        String alerts = browser.findElement(By.tagName("main")).getText();
        assertThat(alerts).contains("37.8 ℃ · 孙*").contains("北门岗");
        Browser.screenshot(browser, "gate-03-township-alerts");
        WebElement note = browser.findElement(By.cssSelector("input[name=note]"));
        note.sendKeys("已送发热门诊");
        WebElement alertsPage = browser.findElement(By.tagName("html"));
        note.submit();
        Browser.waitUntilGone(browser, alertsPage);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已记录处理情况").doesNotContain("孙*");
    }
}
