package org.fangkong.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.enterprise.CreditCode;
import org.fangkong.enterprise.EnterpriseExcel;
import org.fangkong.enterprise.Enterprises;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Sheets;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprise resumption in Chromium (issue 15): the officer registers an enterprise and binds its
 * account; the enterprise files on a 375 px phone; the officer approves; the enterprise reports
 * resumption; the county's rates count it.
 */
@FangkongTest
class EnterpriseBrowserTest {

    static final String VILLAGE = "370102002002";

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    Clock clock;
    @Autowired
    PassageLog passages;
    @Autowired
    EnterpriseExcel excel;
    @Autowired
    Enterprises enterprises;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String creditCode() {
        StringBuilder b = new StringBuilder("91370102");
        for (int i = 0; i < 9; i++) {
            b.append(CreditCode.CHARS.charAt(ThreadLocalRandom.current().nextInt(CreditCode.CHARS.length())));
        }
        return b.append(CreditCode.checkChar(b.toString())).toString();
    }

    /** Clicks a button that posts its form, and waits for the next page (the old one's notice is not the answer). */
    void submit(By button) {
        Browser.clickAndLoad(browser, button);
    }

    void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void filingApprovalResumptionAndRates() throws Exception {
        String base = "http://localhost:" + port;
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        Staff.Account own = staff.create(Role.ENTERPRISE, VILLAGE);
        String code = creditCode();

        // the officer registers the enterprise: a wrong check character first
        browser = Browser.start(1440, 900);
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/enterprises/new");
        type("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        type("name", "济南齐鲁医用口罩厂");
        type("division", "27");
        type("jurisdiction", VILLAGE);
        type("staffTotal", "80");
        browser.findElement(By.id("aboveScale1")).click();
        submit(By.id("save-enterprise"));
        assertThat(browser.findElement(By.cssSelector("#enterprise-form .error")).getText()).contains("校验位");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("济南齐鲁医用口罩厂");
        Browser.screenshot(browser, "enterprise-01-bad-credit-code");
        type("creditCode", code);
        submit(By.id("save-enterprise"));
        assertThat(browser.findElement(By.id("enterprise-state")).getText()).contains("未复工");
        String page = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("#enterprise-accounts input[name=username]")).sendKeys(own.username());
        submit(By.id("bind-account"));
        assertThat(browser.findElement(By.id("enterprise-accounts")).getText()).contains(own.username());

        // the enterprise, on a phone: its own page, the filing; the pledge forgotten first
        browser.quit();
        browser = Browser.start(375, 667);
        Browser.login(browser, base, own.username(), Staff.PASSWORD);
        browser.get(base + "/enterprises");
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        for (String item : new String[] {"temperatureChecks", "disinfection", "suppliesThreeDays", "isolationRoom", "staggeredMeals"}) {
            browser.findElement(By.cssSelector("#filing-form input[name=" + item + "]")).click();
        }
        type("responsibleName", "王建国");
        type("responsiblePhone", "13912345678");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("plannedOn")),
                ShanghaiTime.today(clock).toString());
        type("staffExpected", "60");
        submit(By.id("submit-filing"));
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("承诺");
        Browser.screenshot(browser, "enterprise-02-pledge-missing");
        for (String item : new String[] {"temperatureChecks", "disinfection", "suppliesThreeDays", "isolationRoom", "staggeredMeals",
                "pledge"}) {
            browser.findElement(By.cssSelector("#filing-form input[name=" + item + "]")).click();
        }
        type("responsibleName", "王建国");
        type("responsiblePhone", "13912345678");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("plannedOn")),
                ShanghaiTime.today(clock).toString());
        type("staffExpected", "60");
        submit(By.id("submit-filing"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("备案已提交");
        assertThat(browser.findElement(By.id("filings")).getText()).contains("待审核").contains("王**").contains("139****5678");
        Browser.screenshotWholePage(browser, "enterprise-03-filed");

        // the officer approves it from the queue
        browser.manage().deleteAllCookies();
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/enterprises/filings");
        WebElement card = browser.findElement(By.xpath("//div[contains(@class,'card')][.//a[text()='济南齐鲁医用口罩厂']]"));
        Browser.screenshot(browser, "enterprise-04-queue");
        submit(By.id(card.findElement(By.cssSelector("button[id^=approve-]")).getAttribute("id")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已通过").contains("济南齐鲁医用口罩厂");

        // the enterprise reports it resumed with 48 of 80 back
        browser.manage().deleteAllCookies();
        Browser.login(browser, base, own.username(), Staff.PASSWORD);
        browser.get(page);
        assertThat(browser.findElement(By.id("enterprise-state")).getText()).contains("已备案");
        new Select(browser.findElement(By.id("new-state"))).selectByValue("RESUMED");
        type("staffBack", "48");
        submit(By.id("save-state"));
        assertThat(browser.findElement(By.id("enterprise-state")).getText()).contains("已复工").contains("48 / 80");
        Browser.screenshotWholePage(browser, "enterprise-05-resumed");

        // the county's rates count it
        browser.manage().deleteAllCookies();
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/enterprises/rates?node=370102");
        assertThat(browser.findElement(By.id("rates-total")).getText()).contains("%").contains("开工率");
        assertThat(browser.findElement(By.id("rate-370102002")).getText()).contains("开工率");
        Browser.screenshotWholePage(browser, "enterprise-06-rates");
    }

    @Test
    void aPassIssuedOnTheEnterprisesPageIsCheckedAtTheGate() throws Exception {
        String base = "http://localhost:" + port;
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        Staff.Account guard = staff.create(Role.GRID_WORKER, VILLAGE);
        browser = Browser.start(1440, 900);
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/enterprises/new");
        type("creditCode", creditCode());
        type("name", "日照医用防护用品厂");
        type("division", "27");
        type("jurisdiction", VILLAGE);
        type("staffTotal", "120");
        submit(By.id("save-enterprise"));
        browser.findElement(By.cssSelector("#passes summary")).click();
        type("pass-plate", "鲁L36588");
        type("pass-driver", "孙师傅");
        type("pass-phone", "13912349876");
        type("pass-goods", "医用防护服 2000 套");
        type("pass-route", "日照—济南—黄冈");
        submit(By.id("issue-pass"));
        String notice = browser.findElement(By.cssSelector(".notice")).getText();
        String number = notice.substring(notice.indexOf("TX"), notice.indexOf("TX") + 10);
        assertThat(browser.findElement(By.id("passes")).getText()).contains(number).contains("鲁L36588").contains("孙**");
        Browser.screenshot(browser, "enterprise-07-pass-issued");

        // the guard at a road checkpoint, on a phone
        browser.quit();
        browser = Browser.start(375, 667);
        Browser.login(browser, base, guard.username(), Staff.PASSWORD);
        Actor officerActor = new Actor(officer.id(), officer.username(), "测试", Role.OFFICER, "370102", "37.3701.370102");
        long gate = passages.createCheckpoint(VILLAGE, "日照路卡口", "ROAD", "", officerActor).id();
        browser.get(base + "/checkpoints/" + gate);
        type("pass-number", number.toLowerCase());
        submit(By.id("check-pass"));
        WebElement result = browser.findElement(By.id("pass-result"));
        assertThat(result.getText()).contains("有效，放行").contains("鲁L36588").contains("医用防护服 2000 套").doesNotContain("孙");
        assertThat(browser.findElement(By.id("pass-checks")).getText()).contains(number).contains("有效");
        Browser.screenshot(browser, "enterprise-08-pass-at-gate");
        type("pass-number", "TX22222222");
        submit(By.id("check-pass"));
        assertThat(browser.findElement(By.id("pass-result")).getText()).contains("查无此证");
    }

    @Test
    void staffRosterFeverAndDailyReportOnAPhone() throws Exception {
        String base = "http://localhost:" + port;
        String village = "370102005003";
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        Staff.Account own = staff.create(Role.ENTERPRISE, village);
        Actor officerActor = new Actor(officer.id(), officer.username(), "测试", Role.OFFICER, "370102", "37.3701.370102");
        LocalDate today = ShanghaiTime.today(clock);
        String code = creditCode();
        // registered and resumed three days ago, from the registry's xlsx
        excel.importXlsx(Sheets.xlsx(new String[][] {EnterpriseExcel.HEADERS,
                {code, "历下纺织厂", "", "17", "小型", "否", "否", "否", village, "", "", "60", "已复工", today.minusDays(3).toString(), "40"}}),
                false, officerActor);
        long id = jdbc.sql("select id from enterprise where credit_code = :c").param("c", code).query(Long.class).single();
        enterprises.assignAccount(id, own.username(), officerActor);

        // the enterprise on a phone adds a worker back from Wuhan two days ago
        browser = Browser.start(375, 667);
        Browser.login(browser, base, own.username(), Staff.PASSWORD);
        browser.get(base + "/enterprises/" + id);
        browser.findElement(By.cssSelector("#staff details summary")).click();
        type("staff-name", "汉江");
        String first17 = "420106199003070" + "61";
        type("staff-id", first17 + IdCardNumber.checkCharacter(first17));
        type("staff-phone", "13912340001");
        type("staff-origin", "湖北省武汉市");
        type("staff-origin-code", "420106");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("staff-returned")),
                today.minusDays(2).toString());
        submit(By.id("add-staff"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已登记");
        String row = browser.findElement(By.id("staff-list")).getText();
        assertThat(row).contains("汉*").contains(today.plusDays(12) + " 起可上岗").doesNotContain("13912340001");

        // today's check: a fever, which the township sees as a checkpoint alert
        browser.findElement(By.cssSelector("#staff-list input[name=temperature]")).sendKeys("38,1");
        submit(By.cssSelector("#staff-list button[id^=check-]"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("38.1");
        assertThat(browser.findElement(By.id("staff-list")).getText()).contains("发热");
        Browser.screenshotWholePage(browser, "enterprise-09-staff-fever");

        // yesterday's daily report, prefilled: 40 on site, one in observation
        assertThat(browser.findElement(By.id("rep-staff")).getAttribute("value")).isEqualTo("40");
        assertThat(browser.findElement(By.id("rep-isolation")).getAttribute("value")).isEqualTo("1");
        submit(By.id("send-report"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("企业日报已报送");
        assertThat(browser.findElement(By.id("report-sent")).getText()).contains("在岗 40 人").contains("隔离观察 1 人");
        Browser.screenshot(browser, "enterprise-10-daily-report");

        browser.manage().deleteAllCookies();
        Browser.login(browser, base, officer.username(), Staff.PASSWORD);
        browser.get(base + "/checkpoint-alerts");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("历下纺织厂 员工健康监测");
        browser.get(base + "/reports/completeness?jurisdiction=370102005&day=" + today.minusDays(1));
        assertThat(browser.findElement(By.id("units-report.units.enterprises")).getText()).contains("复工企业日报");
        Browser.screenshotWholePage(browser, "enterprise-11-completeness");
    }
}
