package org.fangkong.masks;

import java.time.Clock;

import org.fangkong.common.ShanghaiTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: reservations nobody collected by the end of their pickup days give their masks back to the point. */
@Component
class UncollectedReservations {

    private static final Logger log = LoggerFactory.getLogger(UncollectedReservations.class);

    private final Reservations reservations;
    private final Clock clock;

    UncollectedReservations(Reservations reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Scheduled(cron = "${fangkong.masks.release:0 15 0 * * *}", zone = "Asia/Shanghai")
    void release() {
        int released = reservations.releaseUncollected(ShanghaiTime.today(clock));
        log.info("{} uncollected mask reservations released", released);
    }
}
