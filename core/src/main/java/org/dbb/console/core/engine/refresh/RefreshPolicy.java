package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long the conductor tries each model: {@code retries} counts retries after the first attempt,
 * as ADF and Fabric do, so a model gets up to {@code retries + 1} attempts. Immutable.
 *
 * @param retries        retries after a failed attempt; 0 means one attempt only
 * @param retryInterval  the wait between a failed attempt and the next one
 * @param attemptTimeout how long one attempt may run before the conductor cancels it (counted as timed out)
 */
public record RefreshPolicy(int retries, Duration retryInterval, Duration attemptTimeout) {

    public RefreshPolicy {
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        if (retryInterval.isNegative()) {
            throw new IllegalArgumentException("retryInterval must not be negative, was " + retryInterval);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive, was " + attemptTimeout);
        }
    }

    /** The most attempts a model gets: the first plus the retries. */
    public int maxAttempts() {
        return retries + 1;
    }

    /** "3 retries · up to 4 attempts": both numbers, so nobody misreads which one {@code retry} counts. */
    public String describe() {
        return retries + (retries == 1 ? " retry" : " retries") + " · up to " + maxAttempts()
                + (maxAttempts() == 1 ? " attempt" : " attempts");
    }
}
