package org.fangkong.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;

/** Brings a click's target to the middle of the window first (public: the decorator calls it by reflection). */
public class CentreBeforeClick implements WebDriverListener {

    private final JavascriptExecutor browser;

    CentreBeforeClick(JavascriptExecutor browser) {
        this.browser = browser;
    }

    @Override
    public void beforeClick(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    }
}
