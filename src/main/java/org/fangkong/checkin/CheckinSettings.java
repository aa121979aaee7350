package org.fangkong.checkin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Check-in rules (docs/rules.md "Venue check-in"), all configuration.
 *
 * @param dailyCapPerPhone check-ins of one phone in one Asia/Shanghai day before further ones are flagged
 *                         ({@code over_cap}): kept for tracing, never refused, so nobody can lock a number out
 * @param ipBurst          check-ins one address may make at once
 * @param ipPerMinute      sustained check-ins per minute from one address
 * @param retention        how long visits are kept (two incubation periods)
 */
@ConfigurationProperties("fangkong.checkin")
public record CheckinSettings(
        @DefaultValue("50") int dailyCapPerPhone,
        @DefaultValue("60") int ipBurst,
        @DefaultValue("60") int ipPerMinute,
        @DefaultValue("28d") Duration retention) {
}
