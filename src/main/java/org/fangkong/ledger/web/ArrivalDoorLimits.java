package org.fangkong.ledger.web;

import org.fangkong.common.web.PublicDoor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The arrivals' self-registration door (page and API): a burst of {@code fangkong.arrivals.ip-burst}
 * registrations per address, refilled at {@code ip-per-minute}; a family registers together, a
 * script trying ID numbers does not get far.
 */
@Component
class ArrivalDoorLimits extends PublicDoor {

    ArrivalDoorLimits(@Value("${fangkong.arrivals.ip-burst:20}") int burst,
                      @Value("${fangkong.arrivals.ip-per-minute:10}") int perMinute, MessageSource messages) {
        super(burst, perMinute, messages, "arrival.tooMany");
    }
}
