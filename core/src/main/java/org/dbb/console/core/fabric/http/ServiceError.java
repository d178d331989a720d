package org.dbb.console.core.fabric.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as a service described it: Fabric's {@code ErrorResponse} (also a job's {@code failureReason} and a
 * failed operation's {@code error}), or Power BI's and Azure DevOps' error shapes mapped onto the same fields.
 * {@code errorCode} is the stable contract; {@code message} is for people. Immutable.
 *
 * @param errorCode   the service's error code, e.g. {@code ItemNotFound}
 * @param message     the service's message, secrets redacted
 * @param requestId   the request id the service logged the error under
 * @param moreDetails nested errors, when the service gave any
 */
public record ServiceError(String errorCode, String message, Optional<String> requestId,
        List<ServiceError> moreDetails) {

    public ServiceError {
        Objects.requireNonNull(errorCode, "errorCode");
        message = Redaction.text(Objects.requireNonNull(message, "message"));
        Objects.requireNonNull(requestId, "requestId");
        moreDetails = List.copyOf(moreDetails);
    }

    public static ServiceError of(String errorCode, String message) {
        return new ServiceError(errorCode, message, Optional.empty(), List.of());
    }

    @Override
    public String toString() {
        return errorCode + ": " + message + requestId.map(id -> " (request id " + id + ")").orElse("");
    }
}
