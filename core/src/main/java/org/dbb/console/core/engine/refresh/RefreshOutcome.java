package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one attempt at refreshing a model ended, for the monitoring row and the notification. Immutable.
 *
 * @param attempt      the attempt number, 1-based
 * @param status       how it ended
 * @param refreshId    Power BI's refresh id; empty when Power BI refused the request
 * @param errorCode    the service's error code (e.g. {@code ModelRefresh_ShortMessage_ProcessingError}) or the
 *                     conductor's own ({@code AttemptTimedOut}, {@code RunCancelled}); empty on success
 * @param errorMessage the message for people; empty on success
 * @param startedAt    when the attempt was sent
 * @param endedAt      when the conductor saw it end
 */
public record RefreshOutcome(int attempt, AttemptStatus status, Optional<String> refreshId,
        Optional<String> errorCode, Optional<String> errorMessage, Instant startedAt, Instant endedAt) {

    public RefreshOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(refreshId, "refreshId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1");
        }
    }

    /** How long the attempt took, as the conductor saw it. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    public boolean succeeded() {
        return status == AttemptStatus.SUCCEEDED;
    }
}
