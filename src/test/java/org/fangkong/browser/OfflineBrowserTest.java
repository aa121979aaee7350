package org.fangkong.browser;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.Checkpoint;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.observation.ObservationOrders;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.IdNumbers;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grid worker without signal (Chrome DevTools network emulation): 20 passages and 11 readings
 * entered offline, the page reloaded offline (served by the service worker, the entries still
 * there), the signal back: every entry stored exactly once; the same entries sent again write
 * nothing; a reading for an order released meanwhile is shown as a conflict; after the phone's sessions are ended
 * its next sync is refused and the entry waits for the next sign-in. The page is installable.
 */
@FangkongTest
class OfflineBrowserTest {

    static final String VILLAGE = "370102007002";
    static final Actor ADMIN = new Actor(0, "offline-browser", "测试", Role.ADMIN, "37", "37");

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    PassageLog passages;
    @Autowired
    ObservationOrders orders;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String id(int seq) {
        return IdNumbers.of("370102", "19710202", seq);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private void network(boolean offline) {
        ((HasCdp) browser).executeCdpCommand("Network.enable", Map.of());
        ((HasCdp) browser).executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private int waiting() {
        return Integer.parseInt(browser.findElement(By.id("waiting")).getDomAttribute("data-count"));
    }

    private void waitUntilWaiting(int n) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            String c = d.findElement(By.id("waiting")).getDomAttribute("data-count");
            return c != null && Integer.parseInt(c) == n;
        });
    }

    @Test
    void entriesMadeWithoutSignalSurviveAReloadAndAreStoredOnceWhenTheSignalIsBack() throws Exception {
        Checkpoint gate = passages.createCheckpoint(VILLAGE, "离线西门", "GATE", "西门", ADMIN);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            people.add(orders.open(new ObservationOrders.OrderForm("离线观察" + i, id(800 + i), null, "CLOSE_CONTACT", "离线测试",
                    ShanghaiTime.today(Clock.systemUTC()).minusDays(2), VILLAGE, null, "西街 " + i + " 号", "网格员", "村医"),
                    ADMIN).order().id());
        }
        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 812);
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        // from the page of the people under observation, the way to enter without signal
        browser.get(base + "/observation");
        browser.findElement(By.cssSelector(".offline-hint a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("offline"), "data-ready", "true"));
        // installable: a manifest without errors and a service worker in control of the page
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = ((HasCdp) browser).executeCdpCommand("Page.getAppManifest", Map.of());
        assertThat((List<?>) manifest.get("errors")).isEmpty();
        assertThat(String.valueOf(manifest.get("data"))).contains("\"start_url\": \"/offline\"").contains("icon-512.png");
        js().executeAsyncScript("var done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(function () { done(true); });");
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                js().executeScript("return !!navigator.serviceWorker.controller;")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("offline"), "data-ready", "true"));
        assertThat(new Select(browser.findElement(By.id("p-checkpoint"))).getOptions()).extracting(WebElement::getText)
                .anyMatch(t -> t.startsWith("离线西门"));
        assertThat(browser.findElement(By.id("refreshed")).getText()).startsWith("本机资料更新于");
        Browser.screenshot(browser, "offline-01-online");

        network(true);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.FALSE.equals(js().executeScript("return navigator.onLine;")));
        new Select(browser.findElement(By.id("p-checkpoint"))).selectByValue(String.valueOf(gate.id()));
        for (int i = 0; i < 20; i++) {
            browser.findElement(By.id("p-name")).sendKeys("离线访客" + i);
            browser.findElement(By.id("p-phone")).sendKeys(String.format("1380000%04d", i));
            browser.findElement(By.id("p-temperature")).sendKeys("36" + (i % 8));
            browser.findElement(By.id("save-passage")).click();
            waitUntilWaiting(i + 1);
        }
        Select person = new Select(browser.findElement(By.id("r-order")));
        for (int i = 0; i < 11; i++) {
            person.selectByValue(String.valueOf(people.get(i)));
            browser.findElement(By.id("r-temperature")).sendKeys("36.5");
            browser.findElement(By.id("save-reading")).click();
            waitUntilWaiting(21 + i);
        }
        assertThat(browser.findElement(By.id("waiting")).getText()).isEqualTo("待同步 31 条");
        assertThat(browser.findElement(By.id("net")).getText()).contains("已保存在本机");
        Browser.screenshot(browser, "offline-02-queued-31");

        // reloaded without signal: the service worker serves the page, the entries are still there
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("offline"), "data-ready", "true"));
        assertThat(waiting()).isEqualTo(31);
        assertThat(browser.findElement(By.id("net")).getText()).contains("离线");
        // what the queue holds, to send it again later as a phone would after a lost answer
        Object queued = js().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                indexedDB.open('fangkong-offline', 1).onsuccess = function (e) {
                  e.target.result.transaction('queue').objectStore('queue').getAll().onsuccess = function (r) { done(JSON.stringify(r.target.result)); };
                };""");
        // meanwhile the last person's observation is released: that reading will be a conflict
        jdbc.sql("update observation_order set status = 'RELEASED' where id = :o").param("o", people.get(10)).update();

        network(false);
        waitUntilWaiting(0);
        assertThat(count("select count(*) from passage where checkpoint_id = " + gate.id())).isEqualTo(20);
        assertThat(count("select count(*) from observation_reading where order_id in (" + join(people) + ")")).isEqualTo(10);
        List<WebElement> results = browser.findElements(By.cssSelector("#results li"));
        assertThat(results).hasSize(31);
        assertThat(browser.findElements(By.cssSelector("#results li.result-conflict"))).hasSize(1)
                .first().extracting(WebElement::getText).asString().contains("居家观察已解除或转出");
        Browser.screenshot(browser, "offline-03-synced-with-a-conflict");

        // the same 31 entries again (an answer lost on the way): nothing is stored twice
        js().executeAsyncScript("""
                var rows = JSON.parse(arguments[0]), done = arguments[arguments.length - 1];
                indexedDB.open('fangkong-offline', 1).onsuccess = function (e) {
                  var t = e.target.result.transaction('queue', 'readwrite');
                  rows.forEach(function (r) { t.objectStore('queue').put(r); });
                  t.oncomplete = function () { done(true); };
                };""", queued);
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("offline"), "data-ready", "true"));
        waitUntilWaiting(0);
        assertThat(count("select count(*) from passage where checkpoint_id = " + gate.id())).isEqualTo(20);
        assertThat(count("select count(*) from observation_reading where order_id in (" + join(people) + ")")).isEqualTo(10);
        assertThat(count("select count(*) from offline_entry e join staff_user u on u.id = e.staff_user where u.username = '"
                + worker.username() + "'")).isEqualTo(31);

        // the phone is lost: an officer ends its sessions (the same update as 结束所有登录, tested in OfflineSyncTest);
        // an entry made meanwhile is refused at sync and stays on the phone until the worker signs in again
        network(true);
        browser.findElement(By.id("p-name")).sendKeys("吊销后访客");
        browser.findElement(By.id("p-phone")).sendKeys("13800009999");
        browser.findElement(By.id("p-temperature")).sendKeys("36.4");
        browser.findElement(By.id("save-passage")).click();
        waitUntilWaiting(1);
        jdbc.sql("update staff_user set credentials_changed_at = now() where username = :u").param("u", worker.username()).update();
        network(false);
        browser.findElement(By.id("sync-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("net"), "登录已失效"));
        assertThat(waiting()).isEqualTo(1);
        assertThat(count("select count(*) from passage where checkpoint_id = " + gate.id())).isEqualTo(20);
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        browser.get(base + "/offline");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("offline"), "data-ready", "true"));
        waitUntilWaiting(0);
        assertThat(count("select count(*) from passage where checkpoint_id = " + gate.id())).isEqualTo(21);

        // signing out empties what the phone kept for offline use
        browser.findElement(By.cssSelector(".menu-button")).click();
        browser.findElement(By.cssSelector(".who button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "0 caches, 0 data".equals(js().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                caches.keys().then(function (keys) {
                  indexedDB.open('fangkong-offline', 1).onsuccess = function (e) {
                    e.target.result.transaction('data').objectStore('data').count().onsuccess = function (r) {
                      done(keys.length + ' caches, ' + r.target.result + ' data');
                    };
                  };
                });""")));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
