package org.fangkong.browser;


import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.venue.Venue;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen's phone (375×667) opens the venue's QR link, checks in, comes back with one tap, checks out. */
@FangkongTest
class CheckinBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Venues venues;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenChecksInAndOutOnACheapPhone() throws Exception {
        Actor officer = new Actor(0, "browser-test", "测试", Role.ADMIN, "37", "37");
        Venue venue = venues.create(new VenueForm("泰山区银座超市", VenueType.SUPERMARKET, "370102001002", "东岳大街 1 号", null), officer);
        browser = Browser.start(375, 667);
        String url = "http://localhost:" + port + "/c/" + venue.code();

        browser.get(url);
        assertThat(browser.findElement(By.id("venue")).getText()).isEqualTo("泰山区银座超市");
        WebElement phone = browser.findElement(By.id("phone"));
        assertThat(phone.getAttribute("inputmode")).isEqualTo("numeric");
        Browser.screenshot(browser, "checkin-01-form");
        phone.sendKeys("13912345678");
        browser.findElement(By.id("checkin")).click();

        WebElement result = browser.findElement(By.id("result"));
        assertThat(result.getText()).contains("登记成功").contains("泰山区银座超市").contains("139****5678");
        assertThat(result.getCssValue("background-color")).isEqualTo("rgba(27, 127, 59, 1)");
        // the green panel fills the screen's width: readable from two metres
        assertThat(result.getSize().getWidth()).isGreaterThan(320);
        Browser.screenshot(browser, "checkin-02-success");

        // back at the door next time: one tap
        browser.get(url);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("以 139****5678 登记");
        submit(By.id("checkin"));
        assertThat(browser.findElement(By.id("result")).getText()).contains("登记成功");

        submit(By.id("checkout"));
        assertThat(browser.findElement(By.id("result")).getText()).contains("已离开");
        Browser.screenshot(browser, "checkin-03-checked-out");

        browser.get("http://localhost:" + port + "/c/no-such-venue");
        assertThat(browser.findElement(By.id("result")).getText()).contains("未找到该场所");
        Browser.screenshot(browser, "checkin-04-unknown");
    }

    /** Clicks and waits for the next page, so what is read next is not the page before. */
    private void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        Browser.waitUntilGone(browser, page);
    }
}
