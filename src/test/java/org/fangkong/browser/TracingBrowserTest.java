package org.fangkong.browser;

import java.time.Duration;
import java.time.LocalDate;

import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An epidemiologist traces an index person on the office page and reveals numbers with a reason. */
@FangkongTest
class TracingBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    Venues venues;
    @Autowired
    CheckinFixtures fixtures;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerTracesAndRevealsWithAReason() throws Exception {
        Actor admin = new Actor(0, "t", "t", Role.ADMIN, "37", "37");
        var market = venues.byCode(venues.create(new VenueForm("芝罘区农贸市场", VenueType.MARKET, "370102002002", "", null), admin).code()).orElseThrow();
        var pharmacy = venues.byCode(venues.create(new VenueForm("芝罘区大药房", VenueType.PHARMACY, "370102002002", "", null), admin).code()).orElseThrow();
        LocalDate day = LocalDate.now(ShanghaiTime.ZONE).minusDays(2);
        fixtures.record(market, "13500000001", day.atTime(9, 0).atZone(ShanghaiTime.ZONE).toInstant());
        fixtures.record(market, "13500000002", day.atTime(9, 10).atZone(ShanghaiTime.ZONE).toInstant());
        fixtures.record(market, "13500000003", day.atTime(9, 50).atZone(ShanghaiTime.ZONE).toInstant());
        fixtures.record(pharmacy, "13500000001", day.atTime(11, 0).atZone(ShanghaiTime.ZONE).toInstant());
        fixtures.record(pharmacy, "13500000004", day.atTime(11, 5).atZone(ShanghaiTime.ZONE).toInstant());

        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        browser = Browser.start(1280, 900);
        Browser.login(browser, "http://localhost:" + port, officer.username(), Staff.PASSWORD);
        browser.findElement(By.linkText("流调查询")).click();
        browser.findElement(By.id("phone")).sendKeys("13500000001");
        browser.findElement(By.id("trace")).click();

        assertThat(browser.findElement(By.id("summary")).getText()).contains("3").contains("密切接触");
        String contacts = browser.findElement(By.id("contacts")).getText();
        assertThat(contacts).contains("芝罘区农贸市场").contains("芝罘区大药房").contains("135****0002").doesNotContain("13500000002");
        Browser.screenshot(browser, "tracing-01-masked");

        browser.findElement(By.id("reason")).sendKeys("确诊病例流调");
        browser.findElement(By.id("reveal")).click();
        // the reveal reloads the page: wait for the new list rather than read the old one
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("contacts"), "13500000002"));
        assertThat(browser.findElement(By.id("contacts")).getText()).contains("13500000002").contains("13500000004");
        Browser.screenshot(browser, "tracing-02-revealed");
    }
}
