package org.fangkong.browser;


import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Donations and paired assistance in Chromium (issue 16): a city records a donation of goods and
 * allocates part of it to 黄冈; the province adds a medical team batch and a member (masked), and
 * moves an ICU project on.
 */
@FangkongTest
class AssistanceBrowserTest {

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
    void aDonationAllocatedAndATeamWithItsMember() throws Exception {
        String base = "http://localhost:" + port;
        browser = Browser.start(1440, 900);
        Browser.login(browser, base, staff.create(Role.OFFICER, "3706").username(), Staff.PASSWORD);
        browser.get(base + "/supplies?node=3706");
        browser.findElement(By.id("to-donations")).click();
        browser.findElement(By.cssSelector("details.card summary")).click();
        type("dn-donor", "烟台某药业公司");
        new Select(browser.findElement(By.id("dn-kind"))).selectByValue("GOODS");
        new Select(browser.findElement(By.id("dn-holder"))).selectByVisibleText("烟台市应急物资储备库");
        new Select(browser.findElement(By.id("dn-item"))).selectByVisibleText("医用防护服（套）");
        type("dn-quantity", "3000");
        submit(By.id("record-donation"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("烟台某药业公司");
        WebElement donation = browser.findElement(By.xpath("//div[contains(@class,'card')][.//strong[text()='烟台某药业公司']]"));
        new Select(donation.findElement(By.name("to"))).selectByVisibleText("团风县（黄冈）");
        donation.findElement(By.name("quantity")).sendKeys("2000");
        donation.findElement(By.name("purpose")).sendKeys("支援黄冈");
        submit(By.id(donation.findElement(By.cssSelector("button[id^=allocate-]")).getAttribute("id")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("团风县（黄冈）");
        assertThat(browser.findElement(By.id("donation-goods")).getText()).contains("3,000").contains("2,000").contains("1,000");
        assertThat(browser.findElement(By.id("donation-pdf")).getAttribute("href")).contains("report.pdf");
        Browser.screenshotWholePage(browser, "supplies-06-donations");

        browser.manage().deleteAllCookies();
        Browser.login(browser, base, staff.create(Role.OFFICER, "37").username(), Staff.PASSWORD);
        browser.get(base + "/supplies/assistance");
        browser.findElement(By.cssSelector("#teams summary")).click();
        type("t-batch", "97");
        type("t-name", "山东省第九批援助湖北医疗队（测试）");
        type("t-dest", "黄冈市中心医院");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2020-02-12'", browser.findElement(By.id("t-dep")));
        submit(By.id("add-team"));
        browser.findElement(By.cssSelector("details.card summary")).click();
        type("m-name", "孙立群");
        type("m-phone", "13953100009");
        type("m-hospital", "青岛大学附属医院");
        new Select(browser.findElement(By.id("m-spec"))).selectByValue("CRITICAL_CARE");
        new Select(browser.findElement(By.id("m-role"))).selectByValue("LEADER");
        submit(By.id("add-member"));
        String members = browser.findElement(By.id("members")).getText();
        assertThat(members).contains("孙**").contains("青岛大学附属医院").contains("重症").contains("队长").doesNotContain("孙立群");
        Browser.screenshot(browser, "supplies-07-medical-team");

        browser.get(base + "/supplies/assistance");
        browser.findElement(By.cssSelector("#projects > details summary")).click();
        new Select(browser.findElement(By.id("p-kind"))).selectByValue("ICU_BEDS");
        type("p-title", "ICU 病床（测试）");
        type("p-dest", "大别山区域医疗中心");
        type("p-q", "80");
        type("p-unit", "张");
        submit(By.id("add-project"));
        WebElement project = browser.findElement(By.xpath("//div[contains(@class,'card')][.//strong[text()='ICU 病床（测试）']]"));
        new Select(project.findElement(By.name("status"))).selectByValue("INSTALLED");
        submit(By.id(project.findElement(By.cssSelector("button[id^=advance-]")).getAttribute("id")));
        assertThat(browser.findElement(By.xpath("//div[contains(@class,'card')][.//strong[text()='ICU 病床（测试）']]")).getText())
                .contains("已安装");
        Browser.screenshotWholePage(browser, "supplies-08-assistance");
    }
}
