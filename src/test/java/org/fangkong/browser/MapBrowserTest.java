package org.fangkong.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;

import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.ledger.checkpoints.PassageForm;
import org.fangkong.ledger.checkpoints.PassageLog;
import org.fangkong.ledger.residents.ResidentForm;
import org.fangkong.ledger.residents.ResidentLedger;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一图 on a 375 px phone: a grid worker uploads the village plan, taps three households onto it
 * and sees them coloured — red for a fever at the checkpoint, yellow for a return from a key area
 * 3 days ago, green otherwise — each with its word.
 */
@FangkongTest
class MapBrowserTest {

    static final String VILLAGE = "370102002005";
    static final Actor ADMIN = new Actor(0, "map-test", "测试", Role.ADMIN, "37", "37");

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    ResidentLedger residents;
    @Autowired
    PassageLog passages;
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
        String first17 = "370102" + "19750309" + String.format("%03d", seq);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    @Test
    void householdsArePlacedByTappingThePlanAndColouredByStatus() throws Exception {
        var fever = residents.createHousehold(VILLAGE, "图院", "1号", ADMIN);
        var returned = residents.createHousehold(VILLAGE, "图院", "2号", ADMIN);
        var normal = residents.createHousehold(VILLAGE, "图院", "3号", ADMIN);
        String feverId = id(901);
        residents.addResident(fever.id(), new ResidentForm("田热", feverId, null, "HEAD", "REGISTERED", "HEALTHY", false, null), ADMIN);
        residents.addResident(returned.id(), new ResidentForm("田归", id(902), null, "HEAD", "REGISTERED", "HEALTHY", true,
                ShanghaiTime.today(Clock.systemUTC()).minusDays(3)), ADMIN);
        residents.addResident(normal.id(), new ResidentForm("田常", id(903), null, "HEAD", "REGISTERED", "HEALTHY", false, null), ADMIN);
        var gate = passages.createCheckpoint(VILLAGE, "图院北门", "GATE", "", ADMIN);
        passages.record(gate.id(), new PassageForm("IN", null, feverId, null, "", "", "", "", new BigDecimal("38.1")), ADMIN);

        BufferedImage plan = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.GRAY);
        g.fillRect(100, 100, 600, 400);
        g.dispose();
        Path file = Files.createTempFile("plan", ".png");
        ImageIO.write(plan, "png", file.toFile());

        Staff.Account worker = staff.create(Role.GRID_WORKER, VILLAGE);
        String base = "http://localhost:" + port;
        browser = Browser.start(375, 667);
        Browser.login(browser, base, worker.username(), Staff.PASSWORD);
        browser.get(base + "/maps");
        browser.findElement(By.id("map-name")).sendKeys("图院平面图");
        browser.findElement(By.id("map-image")).sendKeys(file.toString());
        browser.findElement(By.id("map-upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "图院平面图"));

        // tap each household onto the plan: left, middle and right of the drawing
        long[] households = {fever.id(), returned.id(), normal.id()};
        int[] xOffsets = {-100, 0, 100};
        for (int i = 0; i < households.length; i++) {
            browser.findElement(By.id("place-" + households[i])).click();
            WebElement image = browser.findElement(By.id("place-at"));
            new Actions(browser).moveToElement(image, xOffsets[i], 20).click().perform();
            pin(households[i]); // waits (implicitly) for the plan page with the new pin
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("已放到图上");
        }
        List<WebElement> pins = browser.findElements(By.cssSelector("#plan a.pin"));
        assertThat(pins).hasSize(3);
        assertThat(status(fever.id())).isEqualTo("RED");
        assertThat(status(returned.id())).isEqualTo("YELLOW");
        assertThat(status(normal.id())).isEqualTo("GREEN");
        // a word beside every colour: on the pin and in the list
        assertThat(pin(fever.id()).getText()).contains("1号").contains("热");
        assertThat(browser.findElement(By.id("h-" + returned.id())).getText()).contains("观察中");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("发热/预警 1").contains("观察中 1");
        // the taps landed where they were made: left to right, about the same height
        List<Double> xs = jdbc.sql("select x from layout_pin where household_id in (:h) order by x")
                .param("h", List.of(households[0], households[1], households[2])).query(Double.class).list();
        assertThat(xs).isSorted();
        assertThat(xs.get(1)).isBetween(0.45, 0.55);
        assertThat(xs.get(0)).isLessThan(0.3);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("legend")));
        Browser.screenshot(browser, "map-01-village-plan-375");
        Files.deleteIfExists(file);
    }

    WebElement pin(long household) {
        return browser.findElement(By.cssSelector("#plan a.pin[data-household='" + household + "']"));
    }

    String status(long household) {
        return pin(household).getDomAttribute("data-status");
    }
}
