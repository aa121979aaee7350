package org.fangkong.browser;

import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.supplies.StockHolder;
import org.fangkong.supplies.StockHolders;
import org.fangkong.supplies.StockLedger;
import org.fangkong.supplies.SupplyRequests;
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
 * Supplies in Chromium (issue 16): the province receives masks and N95, dispatches them to 团风 in
 * 黄冈 and signs for what arrived (ten N95 short, shown on the order); the stock card reads back every
 * movement; a county approves its hospital's request on a phone.
 */
@FangkongTest
class SuppliesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    StockHolders holders;
    @Autowired
    StockLedger ledger;
    @Autowired
    SupplyRequests requests;
    @Autowired
    JdbcClient jdbc;

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

    void record(String kind, String item, String quantity, String reason) {
        new Select(browser.findElement(By.id("m-kind"))).selectByValue(kind);
        new Select(browser.findElement(By.id("m-item"))).selectByVisibleText(item);
        type("m-quantity", quantity);
        type("m-reason", reason);
        submit(By.id("record-movement"));
    }

    @Test
    void theProvinceDispatchesToHuanggangAndSignsForWhatArrived() throws Exception {
        String base = "http://localhost:" + port;
        Staff.Account officer = staff.create(Role.OFFICER, "37");
        long reserve = jdbc.sql("select id from stock_holder where name = '山东省应急物资储备库'").query(Long.class).single();
        browser = Browser.start(1440, 900);
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/supplies");
        assertThat(browser.findElement(By.id("holders")).getText()).contains("团风县（黄冈）").contains("济南市应急物资储备库");
        browser.findElement(By.id("holder-" + reserve)).click();

        record("RECEIPT", "医用外科口罩（只）", "100000", "日照三奇");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("100,000");
        record("RECEIPT", "N95 医用防护口罩（只）", "10000", "日照三奇");
        record("CONSUMPTION", "N95 医用防护口罩（只）", "20000", "");
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("库存不足").contains("10,000");
        Browser.screenshotWholePage(browser, "supplies-01-reserve");

        // the night's dispatch to 团风
        new Select(browser.findElement(By.id("d-to"))).selectByVisibleText("团风县（黄冈） · 山东省");
        new Select(browser.findElement(By.id("d-item1"))).selectByIndex(1);
        type("d-quantity1", "100000");
        new Select(browser.findElement(By.id("d-item2"))).selectByIndex(2);
        type("d-quantity2", "10000");
        type("d-vehicle", "鲁A0N950");
        type("d-driver", "张建军");
        type("d-phone", "13953100001");
        submit(By.id("send-dispatch"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("DP");
        assertThat(browser.findElement(By.id("dispatch-status")).getText()).contains("在途");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("张**").doesNotContain("张建军").doesNotContain("13953100001");
        Browser.screenshot(browser, "supplies-02-in-transit");

        // signed for at the destination: ten N95 short
        List<WebElement> inputs = browser.findElements(By.cssSelector("#dispatch-lines input"));
        inputs.get(1).sendKeys("9990");
        type("receipt-note", "一箱破损");
        submit(By.id("receive"));
        assertThat(browser.findElement(By.id("dispatch-status")).getText()).contains("已签收").contains("差异");
        assertThat(browser.findElement(By.id("dispatch-lines")).getText()).contains("9,990").contains("10");
        Browser.screenshot(browser, "supplies-03-signed-for");

        // the reserve's card for masks: receipt and dispatch with their balances
        browser.get(base + "/supplies/holders/" + reserve);
        browser.findElement(By.cssSelector("#balance-SURGICAL_MASK a")).click();
        String card = browser.findElement(By.id("card")).getText();
        assertThat(card).contains("调出").contains("-100,000").contains("团风县（黄冈）").contains("入库").contains("+100,000");
        Browser.screenshot(browser, "supplies-04-stock-card");
        browser.get(base + "/supplies?node=37");
        assertThat(browser.findElement(By.id("stock-N95")).getText()).contains("0");
    }

    @Test
    void aCountyApprovesItsHospitalsRequestOnAPhone() throws Exception {
        String base = "http://localhost:" + port;
        Staff.Account officer = staff.create(Role.OFFICER, "370105");
        Actor actor = new Actor(officer.id(), officer.username(), "测试", Role.OFFICER, "370105", "37.3701.370105");
        StockHolder hospital = holders.register(new StockHolders.HolderForm("370105", "天桥区人民医院", "HOSPITAL", ""), actor);
        int masks = jdbc.sql("select id from supply_item where code = 'SURGICAL_MASK'").query(Integer.class).single();
        long request = requests.submit(new SupplyRequests.RequestForm(hospital.id(), "CRITICAL", null, "发热门诊明日用量",
                List.of(new SupplyRequests.LineForm(masks, 2000L))), actor).id();

        browser = Browser.start(375, 667);
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/supplies/requests");
        WebElement card = browser.findElement(By.id("request-" + request));
        assertThat(card.getText()).contains("天桥区人民医院").contains("特急").contains("待审批");
        WebElement approved = card.findElement(By.name("approved_" + masks));
        approved.clear();
        approved.sendKeys("1500");
        Browser.screenshot(browser, "supplies-05-request-on-phone");
        submit(By.id("approve-" + request));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已批准");
        assertThat(browser.findElement(By.id("request-" + request)).getText()).contains("1,500").contains("已批准");
        assertThat(ledger.balances(hospital.id(), actor)).isEmpty();
    }
}
