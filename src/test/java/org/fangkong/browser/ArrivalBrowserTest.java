package org.fangkong.browser;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone an arrival from 武汉 scans the station's poster, walks to the village, registers
 * without an account and is told to stay at home; the village's grid worker confirms the row.
 */
@FangkongTest
class ArrivalBrowserTest {

    @LocalServerPort
    int port;
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
    void anArrivalRegistersOnAPhoneAndTheGridWorkerConfirms() throws Exception {
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 667);
        browser.get(base + "/arrive?at=370102"); // the poster at 济南站 preselects 历下区
        assertThat(browser.findElement(By.id("destination")).getText()).contains("山东省").contains("历下区");
        Browser.screenshotWholePage(browser, "arrival-01-choose");
        browser.findElement(By.linkText("泉城路街道")).click();
        browser.findElement(By.linkText("芙蓉街社区居民委员会")).click();
        assertThat(browser.findElement(By.id("destination")).getText()).contains("泉城路街道").contains("芙蓉街社区居民委员会");

        LocalDate today = ShanghaiTime.today(clock);
        browser.findElement(By.id("name")).sendKeys("江夏");
        browser.findElement(By.id("idNumber")).sendKeys("420102198503071235"); // a wrong check character (4 is right)
        browser.findElement(By.id("phone")).sendKeys("13912345611");
        browser.findElement(By.id("origin")).sendKeys("湖北省武汉市江夏区");
        assertThat(browser.findElement(By.id("arrivedOn")).getAttribute("value")).isEqualTo(today.toString()); // today unless changed
        browser.findElement(By.id("address")).sendKeys("芙蓉街 12 号");
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.id("idNumber-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("origin")).getAttribute("value")).isEqualTo("湖北省武汉市江夏区");
        Browser.screenshotWholePage(browser, "arrival-02-bad-id");

        String first17 = "42010219850307123";
        browser.findElement(By.id("idNumber")).clear();
        browser.findElement(By.id("idNumber")).sendKeys(first17 + IdCardNumber.checkCharacter(first17));
        browser.findElement(By.id("submit")).click();
        assertThat(browser.findElement(By.id("received")).getText()).contains("登记已收到").contains("芙蓉街社区居民委员会");
        assertThat(browser.findElement(By.id("stay-home")).getText()).contains("重点地区");
        assertThat(browser.findElement(By.id("received")).getSize().getWidth()).isGreaterThan(320);
        Browser.screenshotWholePage(browser, "arrival-03-received");

        // the grid worker of 芙蓉街 confirms on the phone
        Staff.Account worker = staff.create(Role.GRID_WORKER, "370102004009");
        browser.manage().deleteAllCookies();
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        browser.get(base + "/outsiders");
        var toConfirm = browser.findElement(By.cssSelector("[id^=to-confirm-]"));
        String row = toConfirm.getAttribute("id").substring("to-confirm-".length());
        browser.findElement(By.xpath("//*[@id='to-confirm-" + row + "']/following-sibling::details/summary")).click();
        Browser.screenshot(browser, "arrival-04-confirm");
        browser.findElement(By.id("confirm-" + row)).click();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已核实").contains("居家观察");
        assertThat(browser.findElements(By.id("to-confirm-" + row))).isEmpty();
    }
}
