package org.fangkong.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell in a real headless Chromium on a 375 px phone screen: log in, browse the tree, switch language. */
@FangkongTest
class ShellBrowserTest {

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(String username, String password) {
        Browser.login(browser, url(""), username, password);
    }

    @Test
    void adminLogsInBrowsesTheTreeAndSwitchesLanguageOnAPhone() throws Exception {
        browser = Browser.start(375, 812);
        browser.get(url("/login"));
        assertThat(browser.getTitle()).contains("登录");
        Browser.screenshot(browser, "01-login-zh");

        login("admin", "admin-test-password");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("系统管理员");
        assertThat(browser.findElement(By.id("scope-stats")).getText()).contains("62,074");
        Browser.screenshot(browser, "02-home-admin");
        // the page fits the phone: nothing wider than the screen
        Long overflow = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);

        browser.findElement(By.linkText("辖区")).click();
        assertThat(browser.findElement(By.id("node-name")).getText()).isEqualTo("山东省");
        // expand 济南市 in place (htmx), then 历下区 beneath it
        browser.findElement(By.id("expand-3701")).click();
        WebElement lixia = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("expand-370102")));
        assertThat(browser.findElement(By.id("kids-3701")).getText()).contains("历下区").contains("13 个乡镇(街道)");
        lixia.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("kids-370102"), "解放路街道"));
        Browser.screenshot(browser, "03-tree-expanded");

        // follow a link down to a village; breadcrumbs lead back up
        browser.findElement(By.linkText("解放路街道")).click();
        assertThat(browser.findElement(By.id("node-name")).getText()).isEqualTo("解放路街道");
        assertThat(browser.findElement(By.className("crumbs")).getText()).contains("山东省").contains("济南市").contains("历下区");
        browser.findElements(By.cssSelector("#children a.name")).get(0).click();
        assertThat(browser.findElement(By.className("tag")).getText()).isEqualTo("村(社区)");
        Browser.screenshot(browser, "04-village");

        // add a grid on the village page
        browser.findElement(By.id("grid-name")).sendKeys("浏览器网格");
        browser.findElement(By.cssSelector("#add-grid button")).click();
        assertThat(browser.findElement(By.className("notice")).getText()).contains("浏览器网格");
        assertThat(browser.findElement(By.id("children")).getText()).contains("浏览器网格").contains("网格");

        // switch to English: every label follows, and it sticks across pages
        browser.findElement(By.cssSelector(".menu-button")).click();
        browser.findElement(By.linkText("English")).click();
        assertThat(browser.findElement(By.className("crumbs")).getText()).contains("山东省");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        // on a phone the navigation sits behind the menu button
        assertThat(browser.findElement(By.cssSelector("nav.nav")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector(".menu-button")).click();
        assertThat(browser.findElement(By.cssSelector(".menu-button")).getText()).isEqualTo("Menu");
        assertThat(browser.findElement(By.cssSelector("nav.nav")).getText()).contains("Home").contains("Jurisdictions").contains("Users");
        Browser.screenshot(browser, "05-village-en");
        browser.findElement(By.linkText("Home")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Hello");
        Browser.screenshot(browser, "06-home-en");
        browser.findElement(By.cssSelector(".menu-button")).click();
        browser.findElement(By.linkText("中文")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("您好");

        assertThat(Files.size(Path.of("target/screenshots/03-tree-expanded.png"))).isGreaterThan(10_000);
    }

    @Test
    void aCountyOfficerSeesOnlyTheCountyAndA404PageBeyondIt() throws Exception {
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        browser = Browser.start(375, 812);
        login(officer.username(), Staff.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        browser.get(url("/jurisdictions"));
        assertThat(browser.findElement(By.id("node-name")).getText()).isEqualTo("历下区");
        // the crumbs above the scope are shown but not links
        assertThat(browser.findElements(By.linkText("济南市"))).isEmpty();
        browser.get(url("/jurisdictions/370202"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        Browser.screenshot(browser, "07-out-of-scope-404");
        browser.findElement(By.cssSelector(".menu-button")).click();
        assertThat(browser.findElement(By.cssSelector(".who button")).getText()).isEqualTo("退出");
    }
}
