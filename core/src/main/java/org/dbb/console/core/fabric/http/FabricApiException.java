package org.dbb.console.core.fabric.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fabric, Power BI or Azure DevOps call that failed: which call, the HTTP status, the service's error code and
 * message, the request id to quote to Microsoft support, and whether retrying is allowed. The message names the
 * call by its path template and never contains a token or a URL query. Immutable.
 */
public class FabricApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiCall call;
    private final int status;
    private final String errorCode;
    private final String serviceMessage;
    private final String requestId;
    private final boolean retriable;
    private final Duration retryAfter;
    private final boolean outcomeUnknown;
    private final int attempts;
    private final String giveUpReason;

    private FabricApiException(ApiCall call, int status, String errorCode, String serviceMessage, String requestId,
            boolean retriable, Duration retryAfter, boolean outcomeUnknown, int attempts, String giveUpReason,
            Throwable cause) {
        super(null, cause);
        this.call = Objects.requireNonNull(call, "call");
        this.status = status;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.serviceMessage = Redaction.text(Objects.requireNonNull(serviceMessage, "serviceMessage"));
        this.requestId = requestId;
        this.retriable = retriable;
        this.retryAfter = retryAfter;
        this.outcomeUnknown = outcomeUnknown;
        this.attempts = attempts;
        this.giveUpReason = giveUpReason;
    }

    /** A failure the client itself detected (unreadable body, missing header); not retriable. */
    public static FabricApiException of(ApiCall call, String errorCode, String message) {
        return new FabricApiException(call, 0, errorCode, message, null, false, null, false, 1, null, null);
    }

    /** A failure reported inside a successful response, e.g. a long-running operation that ended Failed. */
    public static FabricApiException of(ApiCall call, int status, ServiceError error) {
        return new FabricApiException(call, status, error.errorCode(), error.message(),
                error.requestId().orElse(null), false, null, false, 1, null, null);
    }

    /**
     * The service accepted a request but the client cannot tell what it created (e.g. a job without an id in its
     * {@code Location}); the request must not be sent again.
     */
    public static FabricApiException outcomeUnknown(ApiCall call, String errorCode, String message,
            Optional<String> requestId) {
        return new FabricApiException(call, 0, errorCode, message, requestId.orElse(null), false, null, true, 1, null,
                null);
    }

    /** An error response; {@code requestId} and {@code retryAfter} may be null. */
    static FabricApiException response(ApiCall call, int status, ServiceError error, boolean retriable,
            Duration retryAfter, boolean outcomeUnknown) {
        return new FabricApiException(call, status, error.errorCode(), error.message(),
                error.requestId().orElse(null), retriable, retryAfter, outcomeUnknown, 1, null, null);
    }

    /** No response at all: the connection failed or dropped. */
    static FabricApiException transport(ApiCall call, String errorCode, String message, boolean retriable,
            boolean outcomeUnknown, Throwable cause) {
        return new FabricApiException(call, 0, errorCode, message, null, retriable, null, outcomeUnknown, 1, null,
                cause);
    }

    /** This failure, after {@code attempts} attempts, with the reason the retries stopped. */
    FabricApiException gaveUp(int attempts, String reason) {
        return new FabricApiException(call, status, errorCode, serviceMessage, requestId, retriable, retryAfter,
                outcomeUnknown, attempts, reason, this);
    }

    /** The operation, e.g. {@code GET /v1/workspaces/{workspaceId}/items}. */
    public ApiCall call() {
        return call;
    }

    /** The HTTP status, or 0 when there was no response (connection failed) or the status does not apply. */
    public int status() {
        return status;
    }

    /** The service's error code (stable), or a client code such as {@code ConnectionDropped}. */
    public String errorCode() {
        return errorCode;
    }

    /** Whether {@link #errorCode()} is {@code code}, ignoring case. */
    public boolean hasErrorCode(String code) {
        return errorCode.equalsIgnoreCase(code);
    }

    /** The service's message (for people; do not parse), secrets redacted. */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** The id to quote when asking Microsoft about this failure. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Whether sending the same request again is allowed (throttling, unavailability, the service said so). */
    public boolean isRetriable() {
        return retriable;
    }

    /** How long the service asked callers to wait before trying again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the service may have acted on a request that must not be sent twice (the connection dropped after
     * a job was submitted, a gateway error on a run). Check the service's state before sending it again.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** How many attempts were made before this exception was thrown. */
    public int attempts() {
        return attempts;
    }

    @Override
    public String getMessage() {
        StringBuilder m = new StringBuilder();
        if (giveUpReason != null) {
            m.append("gave up after ").append(attempts).append(attempts == 1 ? " attempt (" : " attempts (")
                    .append(giveUpReason).append("): ");
        }
        m.append(call).append(" failed: ");
        if (status != 0) {
            m.append(status).append(' ');
        }
        m.append(errorCode);
        if (!serviceMessage.isBlank()) {
            m.append(": ").append(serviceMessage);
        }
        m.append(" (request id ").append(requestId == null ? "unknown" : requestId).append(')');
        if (outcomeUnknown) {
            m.append("; the service may have acted on it, so check its state before sending it again");
        }
        return m.toString();
    }
}
