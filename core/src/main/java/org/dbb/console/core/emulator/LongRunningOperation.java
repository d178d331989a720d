package org.dbb.console.core.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One long-running operation, its outcome decided when it was accepted and revealed as the clock passes
 * {@code doneAt}. Immutable.
 *
 * @param id        the operation id ({@code x-ms-operation-id})
 * @param createdAt when it was accepted
 * @param doneAt    when it ends
 * @param outcome   {@link OperationStatus#SUCCEEDED} or {@link OperationStatus#FAILED}
 * @param result    what {@code /result} returns once it succeeded, if anything
 * @param error     why it failed
 */
record LongRunningOperation(UUID id, Instant createdAt, Instant doneAt, OperationStatus outcome,
                            Optional<JsonNode> result, Optional<RunError> error) {

    OperationStatus statusAt(Instant now) {
        if (!now.isBefore(doneAt)) {
            return outcome;
        }
        return now.isAfter(createdAt) ? OperationStatus.RUNNING : OperationStatus.NOT_STARTED;
    }

    int percentCompleteAt(Instant now) {
        if (!now.isBefore(doneAt)) {
            return 100;
        }
        long total = Duration.between(createdAt, doneAt).toNanos();
        long done = Duration.between(createdAt, now).toNanos();
        return total <= 0 ? 0 : (int) Math.max(0, Math.min(99, done * 100 / total));
    }

    Instant lastUpdatedAt(Instant now) {
        return now.isBefore(doneAt) ? (now.isBefore(createdAt) ? createdAt : now) : doneAt;
    }
}
