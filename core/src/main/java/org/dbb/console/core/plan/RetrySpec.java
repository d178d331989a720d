package org.dbb.console.core.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * A step's retry policy as the engine applies it: {@code retries} after the first attempt, {@code interval} apart,
 * each attempt cut off after {@code attemptTimeout}. Durations are already scaled to the environment's clock (the
 * sandbox runs faster than real time). Immutable.
 */
public record RetrySpec(int retries, Duration interval, Duration attemptTimeout) {

    public RetrySpec {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (retries < 0 || interval.isNegative() || attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("retries and interval must not be negative, the timeout positive");
        }
    }

    /** Attempts in all: the first plus the retries. */
    public int maxAttempts() {
        return retries + 1;
    }
}
