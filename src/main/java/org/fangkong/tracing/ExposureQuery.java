package org.fangkong.tracing;

import java.time.Instant;

/**
 * An exposure search as asked (流调查询). Defaults: the last 14 days, no buffer, 15 minutes for a
 * close contact, phones masked.
 */
public record ExposureQuery(String phone, Instant from, Instant to, Integer bufferMinutes, Integer closeMinutes,
                            Boolean reveal, String reason, Integer page, Integer size, String sort) {

    public boolean revealing() {
        return Boolean.TRUE.equals(reveal);
    }
}
