package org.dbb.console.app.retry;

import java.util.Optional;

import org.dbb.console.core.workspace.pipeline.RetryPolicyLimits;

/** The editable values of a retry policy, each with Fabric's limits. Immutable. */
public enum PolicyField {
    RETRY,
    INTERVAL,
    TIMEOUT;

    /** What is wrong with {@code text} for this value, in {@code dbb retry set}'s words; empty when valid. */
    public Optional<String> problem(String text) {
        try {
            switch (this) {
                case RETRY -> RetryPolicyLimits.retry(text);
                case INTERVAL -> RetryPolicyLimits.retryIntervalInSeconds(text);
                case TIMEOUT -> RetryPolicyLimits.timeout(text);
                default -> throw new IllegalStateException(name());
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
