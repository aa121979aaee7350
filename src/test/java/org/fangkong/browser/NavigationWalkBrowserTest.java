package org.fangkong.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the navigation, for every role, at 375 px (a phone) and 1440 px (a desk), in real
 * Chromium: no console error (CSP refusals and failed loads included), no 4xx/5xx page or resource,
 * no horizontal scroll on the phone, the page's title on the phone's first screen, and no serious
 * or critical accessibility violation found by axe-core (npm package, src/test/resources/axe, injected
 * into each page). All findings of a role are collected and reported together.
 */
@FangkongTest
class NavigationWalkBrowserTest {

    /** Where each role's account sits: a realistic scope for its work. */
    static final Map<Role, String> SCOPES = Map.of(Role.ADMIN, "37", Role.COMMANDER, "37", Role.OFFICER, "370102",
            Role.GRID_WORKER, "370102001003", Role.VENUE_STAFF, "370102001", Role.ENTERPRISE, "370102001002",
            Role.PICKUP_POINT, "370102001008");
    static final int[] WIDTHS = {375, 1440};
    static String axe;

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;

    WebDriver browser;

    @BeforeAll
    static void loadAxe() throws IOException {
        try (InputStream in = NavigationWalkBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyPageOfTheRolesNavigationIsCleanOnAPhoneAndADesk(Role role) throws Exception {
        Staff.Account account = staff.create(role, SCOPES.get(role));
        browser = Browser.start(1440, 900);
        Browser.login(browser, url(""), account.username(), Staff.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        Set<String> pages = new LinkedHashSet<>();
        for (WebElement a : browser.findElements(By.cssSelector("nav.nav a"))) {
            pages.add(a.getDomAttribute("href"));
        }
        assertThat(pages).as("navigation of %s", role).contains("/");

        List<String> findings = new ArrayList<>();
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, width == 375 ? 812 : 900));
            for (String page : pages) {
                findings.addAll(walk(role, page, width));
            }
        }
        assertThat(findings).as("findings for %s", role).isEmpty();
    }

    private List<String> walk(Role role, String page, int width) throws IOException {
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        browser.get(url(page));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(js().executeScript("return document.readyState")));
        settle();
        List<String> findings = check(role + " " + width + "px " + page + ": ", width);
        if (!findings.isEmpty()) {
            Browser.screenshotWholePage(browser, "walk-" + role.name().toLowerCase() + "-" + width + page.replace('/', '-'));
        }
        return findings;
    }

    /** What is wrong with the page as it stands. */
    private List<String> check(String where, int width) {
        List<String> findings = new ArrayList<>();
        Object status = js().executeScript("var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
        if (((Number) status).intValue() >= 400) {
            findings.add(where + "status " + status);
        }
        Object failed = js().executeScript("""
                return performance.getEntriesByType('resource').filter(function (e) { return e.responseStatus >= 400; })
                    .map(function (e) { return e.responseStatus + ' ' + e.name; }).join('; ');""");
        if (!String.valueOf(failed).isEmpty()) {
            findings.add(where + "resources failed: " + failed);
        }
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                findings.add(where + "console: " + e.getMessage());
            }
        }
        if (width == 375) {
            Number overflow = (Number) js().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            if (overflow.intValue() > 0) {
                findings.add(where + "scrolls sideways by " + overflow + " px (widest: " + widest() + ")");
            }
            Number top = (Number) js().executeScript("""
                    var h = document.querySelector('main h1');
                    return h ? h.getBoundingClientRect().top : -1;""");
            if (top.intValue() < 0 || top.intValue() > 812 - 60) {
                findings.add(where + "no title on the first screen (h1 at " + top + ")");
            }
        }
        for (String v : accessibility()) {
            findings.add(where + "axe: " + v);
        }
        return findings;
    }

    /** The walk can fail: each of its checks finds a fault planted in a clean page. */
    @Test
    void theWalkFindsFaultsPlantedInACleanPage() throws Exception {
        Staff.Account admin = staff.create(Role.ADMIN, "37");
        browser = Browser.start(375, 812);
        Browser.login(browser, url(""), admin.username(), Staff.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        browser.manage().logs().get(LogType.BROWSER);
        assertThat(check("clean: ", 375)).isEmpty();
        js().executeScript("""
                console.error('planted error');
                var wide = document.createElement('div'); wide.style.width = '2000px'; wide.textContent = 'wide';
                document.querySelector('main').appendChild(wide);
                var img = document.createElement('img'); img.src = '/css/planted-missing.png';
                document.querySelector('main').appendChild(img);""");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((Number) js().executeScript(
                "return performance.getEntriesByType('resource').filter(function (e) { return e.name.indexOf('planted') > 0; }).length;"))
                .intValue() > 0);
        List<String> findings = check("planted: ", 375);
        assertThat(String.join("\n", findings)).contains("console: ").contains("planted error")
                .contains("resources failed: 404").contains("scrolls sideways")
                .contains("axe: critical image-alt");
    }

    /** Waits for the page's own fetches (the dashboard's map) to finish drawing. */
    private void settle() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js().executeScript("""
                var m = document.getElementById('county-map');
                return !m || m.hasAttribute('data-rendered');""")));
    }

    private String widest() {
        return String.valueOf(js().executeScript("""
                var w = window.innerWidth, found = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 1 && found.length < 3) { found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '')
                      + ' ' + Math.round(r.right)); }
                });
                return found.join(', ');"""));
    }

    /** axe-core's serious and critical violations on the page as it stands, one line each. */
    @SuppressWarnings("unchecked")
    private List<String> accessibility() {
        js().executeScript(axe);
        Object result = js().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(function (n) {
                        return n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.split('\\n').slice(1).join(' ').trim() + ')' : '');
                      }).join(' | ');
                    }));
                }).catch(function (e) { done(['axe failed: ' + e]); });""");
        return (List<String>) result;
    }

    @Test
    void aGridWorkerOpensTheMenuAndHasTheThreeDailyTasksAtTheBottom() throws Exception {
        Staff.Account worker = staff.create(Role.GRID_WORKER, SCOPES.get(Role.GRID_WORKER));
        browser = Browser.start(375, 812);
        Browser.login(browser, url(""), worker.username(), Staff.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        // folded: the title is on the first screen, the navigation is not
        assertThat(browser.findElement(By.cssSelector("nav.nav")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#taskbar a")).stream().map(WebElement::getText).toList())
                .containsExactly("出入登记", "测体温", "日报");
        Browser.screenshot(browser, "phone-01-grid-worker-home");
        WebElement menu = browser.findElement(By.cssSelector(".menu-button"));
        assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("false");
        menu.click();
        assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("nav.nav")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("nav.nav")).getText()).contains("居家医学观察").contains("日报告")
                .doesNotContain("指挥大屏");
        Browser.screenshot(browser, "phone-02-grid-worker-menu-open");
        browser.findElement(By.cssSelector("#taskbar a[href='/observation']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/observation")));
        assertThat(browser.findElement(By.cssSelector("#taskbar a.active")).getText()).isEqualTo("测体温");
        // the bar does not hide the end of the page
        Number gap = (Number) js().executeScript("return parseFloat(getComputedStyle(document.body).paddingBottom);");
        assertThat(gap.intValue()).isGreaterThanOrEqualTo(56);
    }

    @Test
    void aPageTheRoleMayNotOpenSaysWhichRolesMayAndLeadsHome() throws Exception {
        Staff.Account admin = staff.create(Role.ADMIN, "37");
        browser = Browser.start(375, 812);
        Browser.login(browser, url(""), admin.username(), Staff.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        assertThat(browser.findElements(By.cssSelector("nav.nav a[href='/tracing']"))).isEmpty();
        browser.get(url("/tracing"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("没有权限");
        assertThat(browser.findElement(By.cssSelector(".error-page")).getText()).contains("可以打开它的角色：指挥部、工作人员");
        Browser.screenshot(browser, "phone-03-forbidden-tracing");
        browser.findElement(By.linkText("返回首页")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        // refused by the security filters' URL rule, the same page
        browser.manage().deleteAllCookies();
        Staff.Account officer = staff.create(Role.OFFICER, "370102");
        Browser.login(browser, url(""), officer.username(), Staff.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        browser.get(url("/audit"));
        assertThat(browser.findElement(By.cssSelector(".error-page")).getText()).contains("可以打开它的角色：系统管理员");
    }
}
