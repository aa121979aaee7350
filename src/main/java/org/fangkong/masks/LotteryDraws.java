package org.fangkong.masks;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute: lottery rounds whose booking window has ended are drawn, each in a transaction of its own. */
@Component
class LotteryDraws {

    private final Lottery lottery;

    LotteryDraws(Lottery lottery) {
        this.lottery = lottery;
    }

    @Scheduled(fixedDelayString = "${fangkong.masks.draw-every:PT1M}", initialDelayString = "${fangkong.masks.draw-every:PT1M}")
    void drawDue() {
        for (long round : lottery.due()) {
            lottery.draw(round);
        }
    }
}
