package org.fangkong.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Per-address token buckets for the citizens' doors (check-in, mask reservation): a burst, refilled
 * at a rate per minute. Addresses idle for an hour are forgotten. Per instance (docs/operations.md).
 */
public final class AddressRateLimits {

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(1, TimeUnit.HOURS).maximumSize(1_000_000).build();
    private final int burst;
    private final double perMinute;

    /** A burst of {@code burst} requests per address, refilled at {@code perMinute}. */
    public AddressRateLimits(int burst, double perMinute) {
        this.burst = burst;
        this.perMinute = perMinute;
    }

    /**
     * The bucket an address counts against: an IPv4 address as it is, an IPv6 address by its /64
     * (one subscriber's network; anyone can rotate through the host half at will).
     */
    public static String key(String address) {
        if (address == null || address.isBlank()) {
            return "?";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address; // not an address literal: count it as given
        }
    }

    /** Takes one token; empty when allowed, else how long until the next token. */
    public Optional<Duration> take(String address) {
        Bucket b = buckets.get(key(address), a -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.updatedNanos = System.nanoTime();
            return n;
        });
        double perNano = perMinute / 60e9;
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(burst, b.tokens + (now - b.updatedNanos) * perNano);
            b.updatedNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Optional.empty();
            }
            long waitNanos = (long) Math.ceil((1 - b.tokens) / perNano);
            return Optional.of(Duration.ofNanos(waitNanos));
        }
    }
}
