package org.fangkong.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (Selenium Manager cannot download here).
 * Install with: apt-get install chromium chromium-driver fonts-noto-cjk (.ci/run does).
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browser() {
    }

    static WebDriver start(int width, int height) throws IOException {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("fangkong-chromium"),
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        // the console (errors, CSP refusals, failed loads) is read back by the tests that walk pages
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        // phones have a fixed bar of frequent tasks at the bottom: like a thumb, a click first brings its target to
        // the middle of the screen, where the bar cannot cover it (WebDriver only scrolls what lies outside the window)
        WebDriverListener centre = new CentreBeforeClick(browser);
        return new EventFiringDecorator<WebDriver>(centre).decorate(browser);
    }

    /** Signs in on the login page at {@code baseUrl}. */
    static void login(WebDriver browser, String baseUrl, String username, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        // a page requested before the sign-in has answered would be asked for without the session
        clickAndLoad(browser, By.id("login-submit"));
    }

    /**
     * Clicks something that loads a new page and waits until the old one is gone, so that the next look-up cannot
     * find an element of the page being left (a stale element when both pages have it).
     */
    static void clickAndLoad(WebDriver browser, By target) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        waitUntilGone(browser, old);
    }

    /**
     * Waits until {@code old} (usually the page's html element) has left the document. Mid-navigation chromedriver
     * sometimes answers "node does not belong to the document" instead of "stale": that means ask again.
     */
    static void waitUntilGone(WebDriver browser, WebElement old) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException between) {
                return false;
            }
        });
    }

    static Path screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    /** The whole page, not only the window: the window is stretched to the page's height for the shot. */
    static Path screenshotWholePage(WebDriver browser, String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        Object height = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(6000, ((Number) height).intValue() + 140)));
        try {
            return screenshot(browser, name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
