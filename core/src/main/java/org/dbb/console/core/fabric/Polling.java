package org.dbb.console.core.fabric;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client polls long-running operations: {@code Retry-After} when Fabric sends it, never more often than
 * {@code minInterval}, {@code defaultInterval} when Fabric gives no hint, and at most {@code timeout} in all.
 * Immutable.
 *
 * @param minInterval     the shortest wait between two checks
 * @param defaultInterval the wait when Fabric sends no {@code Retry-After}
 * @param timeout         how long to wait for an operation before giving up
 */
public record Polling(Duration minInterval, Duration defaultInterval, Duration timeout) {

    /** One second at least, five by default, thirty minutes in all. */
    public static final Polling DEFAULTS = new Polling(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofMinutes(30));

    public Polling {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (minInterval.isNegative() || defaultInterval.compareTo(minInterval) < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("need 0 <= minInterval <= defaultInterval and a positive timeout");
        }
    }

    /** The wait before the next check, given what Fabric asked for. */
    Duration next(Optional<Duration> retryAfter) {
        Duration wait = retryAfter.orElse(defaultInterval);
        return wait.compareTo(minInterval) < 0 ? minInterval : wait;
    }
}
