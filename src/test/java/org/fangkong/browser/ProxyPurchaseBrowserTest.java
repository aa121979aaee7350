package org.fangkong.browser;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.livelihood.SupplyPoint;
import org.fangkong.livelihood.SupplyPoints;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxy-purchase batch in Chromium on a cadre's phone (issue 17): a household's order, the batch
 * sent to the supply point, delivered to the village and handed out with a sign-off.
 */
@FangkongTest
class ProxyPurchaseBrowserTest {

    static final String VILLAGE = "370303001003";

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    SupplyPoints points;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    void submit(By button) {
        Browser.clickAndLoad(browser, button);
    }

    @Test
    void aBatchFromOrderToSignOff() throws Exception {
        String base = "http://localhost:" + port;
        Staff.Account officer = staff.create(Role.OFFICER, "370303");
        Actor actor = new Actor(officer.id(), officer.username(), "测试", Role.OFFICER, "370303", "37.3703.370303");
        SupplyPoint point = points.register(new SupplyPoints.PointForm(VILLAGE, "东营社区惠民超市（代购）", "SUPERMARKET", "", "",
                List.of("VEGETABLES", "GRAIN_OIL")), actor);
        jdbc.sql("insert into household (jurisdiction_code, building, address, created_by) values (:v, '5 号楼', '302', 'test')")
                .param("v", VILLAGE).update();

        browser = Browser.start(375, 667);
        Browser.login(browser, base, staff.create(Role.GRID_WORKER, VILLAGE).username(), Staff.PASSWORD);
        browser.get(base + "/livelihood/proxy");
        new Select(browser.findElement(By.id("pb-point"))).selectByValue(String.valueOf(point.id()));
        submit(By.id("open"));
        new Select(browser.findElement(By.id("po-household"))).selectByVisibleText(
                browser.findElements(By.cssSelector("#po-household option")).stream().map(WebElement::getText)
                        .filter(t -> t.startsWith("5 号楼 302")).findFirst().orElseThrow());
        browser.findElement(By.id("po-item1")).sendKeys("白菜");
        browser.findElement(By.id("po-quantity1")).sendKeys("2");
        browser.findElement(By.id("po-unit1")).sendKeys("斤");
        browser.findElement(By.id("po-item2")).sendKeys("面粉");
        browser.findElement(By.id("po-quantity2")).sendKeys("1");
        browser.findElement(By.id("po-unit2")).sendKeys("袋");
        browser.findElement(By.id("po-amount")).sendKeys("35");
        submit(By.id("add-order"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("5 号楼 302");
        Browser.screenshotWholePage(browser, "proxy-01-order");
        submit(By.id("send-batch"));
        assertThat(browser.findElement(By.id("batch-status")).getText()).contains("已发送");
        assertThat(browser.findElement(By.id("picking-list")).getAttribute("href")).endsWith("picking.pdf");
        submit(By.id("mark-delivered"));
        assertThat(browser.findElement(By.id("batch-status")).getText()).contains("已送达");
        submit(By.cssSelector("button[id^=hand-]"));
        String order = browser.findElement(By.cssSelector("[id^=order-]")).getText();
        assertThat(order).contains("白菜 2斤").contains("已签收").contains("欠 0 元");
        Browser.screenshotWholePage(browser, "proxy-02-handed-out");
    }
}
