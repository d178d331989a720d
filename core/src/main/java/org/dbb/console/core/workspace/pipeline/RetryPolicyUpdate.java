package org.dbb.console.core.workspace.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The retry-policy values an operator wants to set on one activity; empty means "leave as it is". Values are kept
 * as the operator typed them so that {@link RetryPolicyEditor} can check them against Fabric's limits and name the
 * activity in every message. Immutable.
 *
 * @param retry                  retries after the first attempt, e.g. {@code 3}
 * @param retryIntervalInSeconds seconds between attempts, e.g. {@code 30}
 * @param timeout                per-attempt limit as {@code D.HH:MM:SS}, e.g. {@code 0.12:00:00}
 */
public record RetryPolicyUpdate(Optional<String> retry, Optional<String> retryIntervalInSeconds,
                                Optional<String> timeout) {

    public RetryPolicyUpdate {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(retryIntervalInSeconds, "retryIntervalInSeconds");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Changes nothing; start here and add values with the {@code with…} methods. */
    public static RetryPolicyUpdate none() {
        return new RetryPolicyUpdate(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The DBB convention: 3 retries, 30 seconds apart; the timeout stays as it is. */
    public static RetryPolicyUpdate dbbDefaults() {
        return none().withRetry(DbbRetryDefaults.RETRY).withRetryIntervalInSeconds(DbbRetryDefaults.RETRY_INTERVAL_SECONDS);
    }

    public RetryPolicyUpdate withRetry(int retries) {
        return withRetry(Integer.toString(retries));
    }

    public RetryPolicyUpdate withRetry(String text) {
        return new RetryPolicyUpdate(Optional.of(text), retryIntervalInSeconds, timeout);
    }

    public RetryPolicyUpdate withRetryIntervalInSeconds(int seconds) {
        return withRetryIntervalInSeconds(Integer.toString(seconds));
    }

    public RetryPolicyUpdate withRetryIntervalInSeconds(String text) {
        return new RetryPolicyUpdate(retry, Optional.of(text), timeout);
    }

    public RetryPolicyUpdate withTimeout(Duration duration) {
        return withTimeout(Timeouts.format(duration));
    }

    public RetryPolicyUpdate withTimeout(String text) {
        return new RetryPolicyUpdate(retry, retryIntervalInSeconds, Optional.of(text));
    }

    public boolean isEmpty() {
        return retry.isEmpty() && retryIntervalInSeconds.isEmpty() && timeout.isEmpty();
    }
}
