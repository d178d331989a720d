package org.dbb.console.core.plan;

import java.time.Duration;

import org.dbb.console.core.workspace.pipeline.ActivityPolicy;

/**
 * Turns the pipeline's durations into the environment's clock: {@code timeScale} real seconds per pipeline second,
 * never below a millisecond so a scaled wait is still a wait. Immutable.
 *
 * @param timeScale real seconds per environment second
 */
record Scaling(double timeScale) {

    private static final Duration FLOOR = Duration.ofMillis(1);

    /**
     * How long a container (IfCondition, ForEach) may take: Fabric gives them no timeout of their own, so the
     * limit is the longest one activity may run, 7 days.
     */
    static final Duration CONTAINER_LIMIT = Duration.ofDays(7);

    Scaling {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
        }
    }

    Duration scale(Duration duration) {
        if (duration.isZero()) {
            return duration;
        }
        double nanos = duration.toNanos() * timeScale;
        Duration scaled = nanos >= Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(Math.round(nanos));
        return scaled.compareTo(FLOOR) < 0 ? FLOOR : scaled;
    }

    /** The retry policy Fabric applies to an activity, on this clock. */
    RetrySpec retry(ActivityPolicy policy) {
        return new RetrySpec(Math.max(0, policy.effectiveRetry()),
                scale(Duration.ofSeconds(Math.max(0, policy.effectiveRetryIntervalInSeconds()))),
                scale(policy.effectiveTimeout()));
    }

    /** A step the console runs itself: no retries, cut off after {@code limit}. */
    RetrySpec local(Duration limit) {
        return new RetrySpec(0, Duration.ZERO, scale(limit));
    }
}
