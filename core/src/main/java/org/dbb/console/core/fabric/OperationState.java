package org.dbb.console.core.fabric;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.dbb.console.core.fabric.http.ServiceError;

/**
 * The state of a Fabric long-running operation ({@code GET /v1/operations/{id}}). Immutable.
 *
 * @param operationId     the operation id
 * @param status          its status; {@link OperationStatus#UNKNOWN} for values this console does not know
 * @param percentComplete progress, when Fabric reports it
 * @param lastUpdated     when Fabric last updated it
 * @param error           why it failed
 * @param retryAfter      how long Fabric asked to wait before checking again
 */
public record OperationState(String operationId, OperationStatus status, OptionalInt percentComplete,
        Optional<Instant> lastUpdated, Optional<ServiceError> error, Optional<Duration> retryAfter) {

    public OperationState {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(percentComplete, "percentComplete");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** "Running (40%)" and the like, for waiting reasons. */
    String describe() {
        return status.wireName().toLowerCase(Locale.ROOT)
                + (percentComplete.isPresent() ? " (" + percentComplete.getAsInt() + "%)" : "");
    }
}
