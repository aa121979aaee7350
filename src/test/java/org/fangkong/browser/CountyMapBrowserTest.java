package org.fangkong.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's county map in Chromium: the province coloured by risk level with its legend, the
 * cases layer, a click on a county that opens it, a city's map, the phone and the wall screen.
 * 威海 is this test's own city (荣成市 gets three cases).
 */
@FangkongTest
class CountyMapBrowserTest {

    static final Actor ADMIN = new Actor(0, "county-map-browser", "测试", Role.ADMIN, "37", "37");
    static final String RONGCHENG = "371082";

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    PublishedCounts counts;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theProvinceAndACityOnTheMap() throws Exception {
        LocalDate today = ShanghaiTime.today(Clock.systemUTC());
        counts.apply(RONGCHENG, today.minusDays(3), "CONFIRMED", 3, ADMIN);
        Staff.Account commander = staff.create(Role.COMMANDER, "37");
        String base = "http://localhost:" + port;
        browser = Browser.start(1440, 1000);
        Browser.login(browser, base, commander.username(), Staff.PASSWORD);

        browser.get(base + "/dashboard");
        waitForMap(136);
        assertThat(texts("#map-legend li")).containsExactly("未分级", "低风险", "中风险", "高风险");
        Map<String, String> colours = areaColours();
        assertThat(colours).hasSize(151);
        assertThat(colours.get(RONGCHENG)).isEqualTo(swatch(2)); // medium: new cases within 14 days
        assertThat(colours.get("371002")).isEqualTo(swatch(1));
        assertThat(browser.findElement(By.id("shapeless")).getText()).contains("济南高新技术产业开发区").contains("威海火炬高技术产业开发区");
        Browser.screenshot(browser, "map-01-province-risk-1440");

        browser.findElement(By.id("layer-cases")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("layer=cases"));
        waitForMap(136);
        assertThat(texts("#map-legend li")).containsExactly("0", "1–9", "10–49", "50–99", "≥ 100");
        assertThat(browser.findElement(By.cssSelector("#map-panel h2")).getText()).isEqualTo("地图 · 累计确诊");
        assertThat(areaColours().get(RONGCHENG)).isEqualTo(swatch(1));
        Browser.screenshot(browser, "map-02-province-cases-1440");

        // a click on 荣成市 opens it, keeping the layer
        clickCounty(RONGCHENG);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("jurisdiction=" + RONGCHENG));
        assertThat(browser.getCurrentUrl()).contains("layer=cases");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("荣成市").contains("中风险");
        assertThat(browser.findElements(By.id("county-map"))).isEmpty(); // below the county: the tiles

        // a city shows its counties, named on the map
        browser.get(base + "/dashboard?jurisdiction=3710");
        waitForMap(4);
        assertThat(areaColours()).containsOnlyKeys("371002", "371003", "371071", "371072", "371073", "371082", "371083");
        assertThat(browser.findElement(By.id("county-map")).getText()).contains("荣成市").contains("环翠区");
        Browser.screenshot(browser, "map-03-city-weihai-1440");
        browser.quit();

        browser = Browser.start(375, 812);
        Browser.login(browser, base, commander.username(), Staff.PASSWORD);
        browser.get(base + "/dashboard");
        waitForMap(136);
        Number overflow = (Number) js().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        js().executeScript("document.getElementById('map-panel').scrollIntoView();");
        Browser.screenshot(browser, "map-04-province-phone-375");
        browser.quit();

        browser = Browser.start(1920, 1080);
        Browser.login(browser, base, commander.username(), Staff.PASSWORD);
        browser.get(base + "/dashboard?wall=true");
        waitForMap(136);
        Number window = (Number) js().executeScript("return window.innerHeight;");
        assertThat(browser.findElement(By.id("county-map")).getSize().getHeight()).isGreaterThan((int) (window.intValue() * 0.7));
        assertThat(areaColours().get(RONGCHENG)).isEqualTo(swatch(2));
        Browser.screenshotWholePage(browser, "map-05-province-wall-1920");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private void waitForMap(int shapes) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeToBe(By.id("county-map"), "data-rendered", String.valueOf(shapes)));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /** The colour ECharts fills each county with, by code (development zones too: they have no shape). */
    @SuppressWarnings("unchecked")
    private Map<String, String> areaColours() {
        return (Map<String, String>) js().executeScript("""
                var c = echarts.getInstanceByDom(document.getElementById('county-map')), out = {};
                c.getOption().series[0].data.forEach(function (d) { out[d.name] = d.itemStyle.areaColor; });
                return out;""");
    }

    private String swatch(int bin) {
        return (String) js().executeScript("return getComputedStyle(document.querySelector('#map-legend .swatch[data-bin=\"'"
                + " + arguments[0] + '\"]')).backgroundColor;", bin);
    }

    /** Clicks a point inside the county's shape, found from the same shapes the page drew. */
    private void clickCounty(String code) {
        // wholly in the window, so the offsets from its centre below are the map's own
        js().executeScript("document.getElementById('county-map').scrollIntoView({block: 'center'});");
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) js().executeAsyncScript("""
                var code = arguments[0], done = arguments[arguments.length - 1];
                var el = document.getElementById('county-map'), chart = echarts.getInstanceByDom(el);
                fetch(el.getAttribute('data-geo')).then(function (r) { return r.json(); }).then(function (geo) {
                  var f = geo.features.filter(function (x) { return x.properties.code === code; })[0];
                  var rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]]
                      : f.geometry.coordinates.map(function (p) { return p[0]; });
                  var ring = rings.sort(function (a, b) { return b.length - a.length; })[0];
                  function inside(x, y) {
                    var c = false;
                    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                      if (((yi > y) !== (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi)) { c = !c; }
                    }
                    return c;
                  }
                  var xs = ring.map(function (p) { return p[0]; }), ys = ring.map(function (p) { return p[1]; });
                  var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
                  for (var k = 1; k < 400; k++) {
                    var x = x0 + (x1 - x0) * ((k * 0.618034) % 1), y = y0 + (y1 - y0) * ((k * 0.414214) % 1);
                    if (inside(x, y)) {
                      var px = chart.convertToPixel({ seriesIndex: 0 }, [x, y]);
                      done([px[0], px[1]]);
                      return;
                    }
                  }
                  done(null);
                });""", code);
        assertThat(xy).as("a point inside %s", code).isNotNull();
        WebElement map = browser.findElement(By.id("county-map"));
        int dx = (int) Math.round(xy.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(xy.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(map, dx, dy).click().perform();
    }
}
