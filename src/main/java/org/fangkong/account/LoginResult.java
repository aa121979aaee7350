package org.fangkong.account;

import java.time.Duration;
import java.time.Instant;

import org.fangkong.common.security.Actor;

/** Outcome of a login attempt. Failures are values, not exceptions, so their bookkeeping commits. */
public sealed interface LoginResult {

    record Success(Actor actor) implements LoginResult {
    }

    /** Wrong username or password (never says which). */
    record BadCredentials() implements LoginResult {
    }

    /** Too many failures: locked until the time given. */
    record Locked(Instant until) implements LoginResult {
    }

    record Disabled() implements LoginResult {
    }

    /** Too many failures from this address lately, whatever the usernames: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LoginResult {
    }
}
