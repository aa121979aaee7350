package org.fangkong.democity;

import org.fangkong.common.FangkongProperties;
import org.fangkong.venue.Venues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first time the platform runs on its embedded database, a small demo city (泰安市, a week of
 * check-ins, a month of cases and daily reports, an open mask round, every row marked demo) is generated in the background so every page has something to
 * show. {@code fangkong.demo.enabled=false} turns it off; an external database never gets it.
 */
@Component
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoCity city;
    private final DemoOutbreak outbreak;
    private final DemoMasks masks;
    private final Venues venues;
    private final FangkongProperties properties;
    private final boolean enabled;

    DemoStartup(DemoCity city, DemoOutbreak outbreak, DemoMasks masks, Venues venues, FangkongProperties properties,
                @Value("${fangkong.demo.enabled:true}") boolean enabled,
                @Value("${fangkong.demo.on-first-start:true}") boolean onFirstStart) {
        this.city = city;
        this.outbreak = outbreak;
        this.masks = masks;
        this.venues = venues;
        this.properties = properties;
        this.enabled = enabled && onFirstStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (enabled && !properties.db().external() && venues.count() == 0) {
            log.info("First start on the embedded database: generating a small demo city (fangkong.demo.enabled=false turns this off)");
            city.start(CitySpec.small());
            try {
                outbreak.generate(CitySpec.small().jurisdiction());
            } catch (RuntimeException e) {
                log.error("Demo epidemic failed; the platform runs without it", e);
            }
            try {
                log.info("Demo mask round open at /m/{}", masks.generate());
            } catch (RuntimeException e) {
                log.error("Demo masks failed; the platform runs without them", e);
            }
        }
    }
}
