package org.fangkong.browser;

import java.time.Clock;
import java.time.LocalDate;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home observation on a 375 px phone: a village doctor (a grid worker account) records a fever with
 * a cough, the township officer sees the alert and records the outcome; a person under observation
 * enters a reading through their own link.
 */
@FangkongTest
class ObservationBrowserTest {

    static final String VILLAGE = "370102003009";
    static final Actor ADMIN = new Actor(0, "observation-browser", "测试", Role.ADMIN, "37", "37");

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    ObservationOrders orders;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String id(int seq) {
        String first17 = "370102" + "19690909" + String.format("%03d", seq);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    ObservationOrders.Opened open(String name, int seq) {
        return orders.open(new ObservationOrders.OrderForm(name, id(seq), null, "CLOSE_CONTACT", "病例 7 的家人",
                ShanghaiTime.today(Clock.systemUTC()).minusDays(2), VILLAGE, null, "观察巷 5 号", "李网格", "王村医"), ADMIN);
    }

    @Test
    void aVillageDoctorRecordsAFeverAndTheTownshipSeesTheAlert() throws Exception {
        var opened = open("柳叶", 301);
        Staff.Account doctor = staff.create(Role.GRID_WORKER, VILLAGE);
        Staff.Account officer = staff.create(Role.OFFICER, "370102003");
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 667);
        Browser.login(browser, base, doctor.username(), Staff.PASSWORD);
        browser.get(base + "/observation");
        browser.findElement(By.id("order-" + opened.order().id())).click();
        WebElement temperature = browser.findElement(By.id("temperature"));
        temperature.sendKeys("381");
        browser.findElement(By.id("symptom-COUGH")).click();
        Browser.screenshot(browser, "observation-01-reading");
        browser.findElement(By.id("record-reading")).click();

        WebElement alarm = browser.findElement(By.id("saved-alarm"));
        assertThat(alarm.getText()).contains("38.1").contains("乡镇卫生院");
        assertThat(browser.findElement(By.id("readings")).getText()).contains("38.1 ℃").contains("咳嗽");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("柳*").contains("第 2 天");
        Browser.screenshot(browser, "observation-02-fever");

        browser.manage().deleteAllCookies();
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/observation-alerts");
        WebElement card = browser.findElement(By.id("obs-alert-" + alertId()));
        assertThat(card.getText()).contains("38.1 ℃ · 柳*").contains("咳嗽").contains("观察巷 5 号");
        Browser.screenshot(browser, "observation-03-township-alerts");
        new Select(card.findElement(By.tagName("select"))).selectByValue("FEVER_CLINIC");
        card.findElement(By.cssSelector("input[name=note]")).sendKeys("已由 120 送区发热门诊");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("已记录处置结果");
        assertThat(browser.findElements(By.id("obs-alert-" + alertId()))).isEmpty();
    }

    long alertId() {
        return browser.findElements(By.cssSelector("[id^=obs-alert-]")).stream()
                .filter(e -> e.getText().contains("柳*")).findFirst()
                .map(e -> Long.parseLong(e.getDomAttribute("id").substring("obs-alert-".length()))).orElse(-1L);
    }

    @Test
    void thePersonEntersAReadingThroughTheirLink() throws Exception {
        var opened = open("桃花", 302);
        browser = Browser.start(375, 667);
        browser.get("http://localhost:" + port + "/o/" + opened.linkToken());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("桃* · 第 2 天（共 14 天）");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(id(302));
        browser.findElement(By.id("temperature")).sendKeys("36.6");
        Browser.screenshot(browser, "observation-04-personal-link");
        browser.findElement(By.id("submit")).click();
        WebElement result = browser.findElement(By.id("result"));
        assertThat(result.getText()).contains("已登记").contains("36.6 ℃");
        assertThat(result.getCssValue("background-color")).isEqualTo("rgba(27, 127, 59, 1)");
        assertThat(browser.findElement(By.id("today")).getText()).contains("已登记");
        Browser.screenshot(browser, "observation-05-personal-link-saved");
    }
}
