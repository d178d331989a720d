package org.dbb.console.core.engine;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.fabric.http.FabricApiException;

/**
 * How one attempt ended, with the service's error details for failures. {@code retryable} is false when trying
 * again could do harm: Fabric may have acted on a submission whose answer was lost. Immutable.
 */
record AttemptResult(AttemptStatus status, Optional<JsonNode> output, Optional<String> errorCode,
                     Optional<String> message, Optional<String> requestId, boolean retryable) {

    static AttemptResult succeeded(JsonNode output) {
        return new AttemptResult(AttemptStatus.SUCCEEDED, Optional.ofNullable(output), Optional.empty(),
                Optional.empty(), Optional.empty(), true);
    }

    static AttemptResult of(AttemptStatus status, String errorCode, String message) {
        return new AttemptResult(status, Optional.empty(), Optional.ofNullable(errorCode),
                Optional.ofNullable(message), Optional.empty(), true);
    }

    /** A failed call: the service's error code, message and request id. */
    static AttemptResult failure(Throwable error) {
        if (error instanceof FabricApiException e) {
            String message = e.serviceMessage() + (e.outcomeUnknown()
                    ? " (Fabric may have started it; not submitted again)" : "");
            return new AttemptResult(AttemptStatus.FAILED, Optional.empty(), Optional.of(e.errorCode()),
                    Optional.of(message), e.requestId(), !e.outcomeUnknown());
        }
        return of(AttemptStatus.FAILED, "ConsoleError", String.valueOf(error));
    }

    boolean succeeded() {
        return status == AttemptStatus.SUCCEEDED;
    }

    String describe() {
        String code = errorCode.map(c -> c + ": ").orElse("");
        return code + message.orElse(status.name().toLowerCase(Locale.ROOT))
                + requestId.map(id -> " (request id " + id + ")").orElse("");
    }
}
