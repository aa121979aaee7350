package org.fangkong.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.masks.MaskRound;
import org.fangkong.masks.MaskRounds;
import org.fangkong.masks.PickupPoint;
import org.fangkong.masks.PickupPoints;
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

/** On a 375 px phone a citizen books masks without an account; the pharmacist hands them over at the counter. */
@FangkongTest
class MaskBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    PickupPoints points;
    @Autowired
    MaskRounds rounds;
    @Autowired
    Staff staff;
    @Autowired
    Clock clock;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenBooksOnAPhoneAndThePharmacistHandsTheMasksOver() throws Exception {
        Actor officer = new Actor(0, "browser-masks", "测试", Role.OFFICER, "370102", "37.3701.370102");
        PickupPoint point = points.register(new PickupPoints.PointForm("370102001008", "十亩园大药房", PickupPoint.Kind.PHARMACY,
                "十亩园路 8 号", "8:00-20:00"), officer);
        LocalDate today = ShanghaiTime.today(clock);
        MaskRound round = rounds.open(new MaskRounds.RoundForm("370102", "历下区第一批", MaskRound.Mode.FIRST_COME, 5, 10,
                clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(2)), today, today.plusDays(1),
                List.of(new MaskRounds.Allocation(point.id(), 100))), officer);
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 667);

        browser.get(base + "/m/" + round.id());
        assertThat(browser.findElement(By.id("round")).getText()).isEqualTo("历下区第一批");
        assertThat(browser.findElement(By.id("points")).getText()).contains("十亩园大药房").contains("还可约 20 人");
        Browser.screenshotWholePage(browser, "masks-01-book");
        browser.findElement(By.cssSelector("input[name=pointId][value='" + point.id() + "']")).click();
        browser.findElement(By.id("name")).sendKeys("孙一");
        browser.findElement(By.id("idNumber")).sendKeys("370102198001011234"); // a wrong check character
        browser.findElement(By.id("phone")).sendKeys("13912345600");
        browser.findElement(By.id("reserve")).click();
        assertThat(browser.findElement(By.id("idNumber-error")).getText()).isNotBlank();
        // what was typed is still there
        assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("13912345600");
        Browser.screenshot(browser, "masks-02-bad-id");

        String first17 = "37010219800101123";
        WebElement id = browser.findElement(By.id("idNumber"));
        id.clear();
        id.sendKeys(first17 + IdCardNumber.checkCharacter(first17));
        browser.findElement(By.cssSelector("input[name=pointId][value='" + point.id() + "']")).click();
        browser.findElement(By.id("reserve")).click();
        WebElement booked = browser.findElement(By.id("booked"));
        assertThat(booked.getText()).contains("预约成功").contains("十亩园大药房").contains("孙*");
        assertThat(booked.getSize().getWidth()).isGreaterThan(320);
        String code = browser.findElement(By.id("code")).getText();
        assertThat(code).matches("\\d{6}");
        assertThat(browser.findElement(By.id("qr")).getSize().getWidth()).isGreaterThanOrEqualTo(150);
        Browser.screenshotWholePage(browser, "masks-03-booked");

        // the pharmacist, on the counter's phone
        Staff.Account pharmacist = staff.create(Role.PICKUP_POINT, "370102001008");
        points.assignStaff(point.id(), pharmacist.username(), officer);
        browser.manage().deleteAllCookies();
        Browser.login(browser, base, pharmacist.username(), Staff.PASSWORD);
        browser.get(base + "/masks/points/" + point.id());
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("#collect button")).click();
        assertThat(browser.findElement(By.id("collected")).getText()).contains("已发放 5 只").contains("孙*");
        assertThat(browser.findElement(By.id("point-counts")).getText()).contains("5");
        Browser.screenshot(browser, "masks-04-handed-over");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("#collect button")).click();
        assertThat(browser.findElement(By.id("collect-error")).getText()).contains("没有这个预约");
        Browser.screenshot(browser, "masks-05-used-code");

        // the same counter records a buyer of fever medicine; the community follows them up
        browser.findElement(By.id("medicine-register")).click();
        browser.findElement(By.id("m-name")).sendKeys("周九");
        browser.findElement(By.id("m-phone")).sendKeys("13912345601");
        browser.findElement(By.id("m-medicine")).sendKeys("布洛芬缓释胶囊");
        browser.findElement(By.id("m-FEVER")).click();
        browser.findElement(By.id("m-temp")).sendKeys("38.1");
        browser.findElement(By.id("record-buyer")).click();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已登记").contains("周*");
        assertThat(browser.findElement(By.id("sales")).getText()).contains("布洛芬缓释胶囊");
        Browser.screenshotWholePage(browser, "masks-06-medicine-register");
    }
}
