package org.dbb.console.core.workspace.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An activity's {@code policy} object exactly as the file has it: every value the file leaves out stays empty, so
 * "absent" and "set to the default" remain distinguishable. The {@code effective…} methods give what Fabric does
 * when a value is absent. Immutable.
 *
 * @param retry                  retries after the first attempt, if written
 * @param retryIntervalInSeconds seconds between attempts, if written
 * @param timeout                the longest one attempt may run, if written
 * @param timeoutText            the timeout exactly as written (e.g. {@code 0.1:00:00}), if written
 * @param secureInput            whether the activity's input is hidden from monitoring (absent means false)
 * @param secureOutput           whether the activity's output is hidden from monitoring (absent means false)
 */
public record ActivityPolicy(Optional<Integer> retry, Optional<Integer> retryIntervalInSeconds,
                             Optional<Duration> timeout, Optional<String> timeoutText, boolean secureInput,
                             boolean secureOutput) {

    /** Fabric's retry count when {@code retry} is absent: no retry, one attempt. */
    public static final int FABRIC_DEFAULT_RETRY = 0;

    /** Fabric's wait between attempts when {@code retryIntervalInSeconds} is absent. */
    public static final int FABRIC_DEFAULT_RETRY_INTERVAL_SECONDS = 30;

    /** Fabric's per-attempt limit when {@code timeout} is absent: {@code 0.12:00:00}, the value its editor writes. */
    public static final Duration FABRIC_DEFAULT_TIMEOUT = Duration.ofHours(12);

    private static final ActivityPolicy ABSENT =
            new ActivityPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false);

    public ActivityPolicy {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(retryIntervalInSeconds, "retryIntervalInSeconds");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(timeoutText, "timeoutText");
    }

    /** The policy of an activity whose file has no {@code policy} object. */
    public static ActivityPolicy absent() {
        return ABSENT;
    }

    /** The retries Fabric will make: the written value, else {@value #FABRIC_DEFAULT_RETRY}. */
    public int effectiveRetry() {
        return retry.orElse(FABRIC_DEFAULT_RETRY);
    }

    /** The wait between attempts Fabric will use, in seconds. */
    public int effectiveRetryIntervalInSeconds() {
        return retryIntervalInSeconds.orElse(FABRIC_DEFAULT_RETRY_INTERVAL_SECONDS);
    }

    /** The per-attempt limit Fabric will apply. */
    public Duration effectiveTimeout() {
        return timeout.orElse(FABRIC_DEFAULT_TIMEOUT);
    }

    /** The effective retry count in words, e.g. {@code 3 retries · up to 4 attempts}. */
    public String retryWording() {
        return RetryWording.describe(Math.max(0, effectiveRetry()));
    }
}
