package org.dbb.console.core.fabric.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import okhttp3.Headers;

/**
 * A successful (2xx) response, fully read: status, headers and body bytes. Immutable; the underlying OkHttp
 * response is already closed.
 */
public final class ApiResponse {

    private final ApiCall call;
    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final Instant receivedAt;

    ApiResponse(ApiCall call, int status, Headers headers, byte[] body, Instant receivedAt) {
        this.call = Objects.requireNonNull(call, "call");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public ApiCall call() {
        return call;
    }

    public int status() {
        return status;
    }

    /** The first value of header {@code name} (case-insensitive), if present and not blank. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** {@code Retry-After} as a wait, parsed from seconds or an HTTP date. */
    public Optional<Duration> retryAfter() {
        return RetryAfter.parse(headers.get("Retry-After"), receivedAt);
    }

    /** The request id the service assigned, from the usual response headers. */
    public Optional<String> requestId() {
        return ErrorBodies.requestIdFromHeaders(headers);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    byte[] bodyBytes() {
        return body;
    }

    @Override
    public String toString() {
        return call + " -> " + status;
    }
}
