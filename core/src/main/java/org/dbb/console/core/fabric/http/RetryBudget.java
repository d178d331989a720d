package org.dbb.console.core.fabric.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much retrying one HTTP call may do: at most {@code maxAttempts} attempts (the first included) and at most
 * {@code maxTotalWait} spent waiting between them. Waits follow {@code Retry-After} when the service sends it,
 * otherwise exponential backoff from {@code initialBackoff}, doubling up to {@code maxBackoff}. A wait that would
 * overrun the budget is not started: the call fails at once with the reason. Immutable.
 *
 * @param maxAttempts    attempts in total, at least 1 (1 means never retry)
 * @param maxTotalWait   the sum of all waits between attempts
 * @param initialBackoff the first wait when the service gives no {@code Retry-After}
 * @param maxBackoff     the longest backoff wait
 */
public record RetryBudget(int maxAttempts, Duration maxTotalWait, Duration initialBackoff, Duration maxBackoff) {

    /** Five attempts within five minutes of waiting, backing off 2 s, 4 s, 8 s … up to one minute. */
    public static final RetryBudget DEFAULT = new RetryBudget(5, Duration.ofMinutes(5), Duration.ofSeconds(2),
            Duration.ofMinutes(1));

    public RetryBudget {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxTotalWait.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
        }
    }

    /** Never retry. */
    public static RetryBudget none() {
        return new RetryBudget(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The backoff wait before retry number {@code retry} (0-based) when no {@code Retry-After} was given. */
    public Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 0; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
