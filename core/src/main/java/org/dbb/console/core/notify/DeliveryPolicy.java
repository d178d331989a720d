package org.dbb.console.core.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the dispatcher tries: attempts in all, exponential backoff between them, and the longest
 * {@code Retry-After} it is willing to honour (a longer one ends delivery instead of holding the notice for
 * hours). Immutable.
 *
 * @param maxAttempts    attempts in all, including the first (at least 1)
 * @param initialBackoff the wait before the second attempt; it doubles for each further one
 * @param maxBackoff     the longest backoff wait
 * @param maxRetryAfter  the longest {@code Retry-After} honoured
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                             Duration maxRetryAfter) {

    /** Four attempts, 2 s then 4 s then 8 s apart, waiting up to 5 minutes when the channel asks to. */
    public static final DeliveryPolicy DEFAULTS = new DeliveryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        for (Duration d : new Duration[] {initialBackoff, maxBackoff, maxRetryAfter}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("waits must not be negative: " + d);
            }
        }
    }

    /** The backoff before attempt {@code nextAttempt} (2 or more). */
    Duration backoffBefore(int nextAttempt) {
        Duration wait = initialBackoff;
        for (int i = 2; i < nextAttempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
