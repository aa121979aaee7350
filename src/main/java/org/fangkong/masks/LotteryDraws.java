package org.fangkong.masks;

import org.fangkong.common.jobs.ClusterScheduled;
import org.springframework.stereotype.Component;

/** Every minute: lottery rounds whose booking window has ended are drawn, each in a transaction of its own. */
@Component
class LotteryDraws {

    private final Lottery lottery;

    LotteryDraws(Lottery lottery) {
        this.lottery = lottery;
    }

    @ClusterScheduled(fixedDelay = "${fangkong.masks.draw-every:PT1M}")
    void drawDue() {
        for (long round : lottery.due()) {
            lottery.draw(round);
        }
    }
}
