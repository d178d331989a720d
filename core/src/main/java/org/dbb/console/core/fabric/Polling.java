package org.dbb.console.core.fabric;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the clients poll what runs in the service (long-running operations, job instances, semantic-model
 * refreshes): {@code Retry-After} when the service sends it, never more often than {@code minInterval},
 * {@code defaultInterval} when the service gives no hint, and at most {@code timeout} for a long-running operation.
 * Immutable.
 *
 * @param minInterval     the shortest wait between two checks; positive, so a service that answers
 *                        {@code Retry-After: 0} (the emulator at a fast time scale does) is never polled in a
 *                        tight loop
 * @param defaultInterval the wait when the service sends no {@code Retry-After}
 * @param timeout         how long to wait for a long-running operation before giving up; job and refresh polls
 *                        have no deadline of their own (a pipeline may run for hours), their callers cancel them
 */
public record Polling(Duration minInterval, Duration defaultInterval, Duration timeout) {

    /** One second at least, five by default, thirty minutes in all. */
    public static final Polling DEFAULTS = new Polling(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofMinutes(30));

    public Polling {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (minInterval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("minInterval must be at least 1 ms, was " + minInterval
                    + "; a zero interval would poll in a tight loop whenever the service says Retry-After: 0");
        }
        if (defaultInterval.compareTo(minInterval) < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("need minInterval <= defaultInterval and a positive timeout");
        }
    }

    /** The wait before the next check, given what the service asked for. */
    public Duration next(Optional<Duration> retryAfter) {
        Duration wait = retryAfter.orElse(defaultInterval);
        return wait.compareTo(minInterval) < 0 ? minInterval : wait;
    }
}
