package org.fangkong.masks.web;

import org.fangkong.common.web.PublicDoor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The citizens' mask doors (the booking page and the API) take a burst of
 * {@code fangkong.masks.ip-burst} requests per address, refilled at {@code ip-per-minute}.
 */
@Component
class PublicDoorLimits extends PublicDoor {

    PublicDoorLimits(@Value("${fangkong.masks.ip-burst:30}") int burst, @Value("${fangkong.masks.ip-per-minute:60}") int perMinute,
                     MessageSource messages) {
        super(burst, perMinute, messages, "masks.tooMany");
    }
}
