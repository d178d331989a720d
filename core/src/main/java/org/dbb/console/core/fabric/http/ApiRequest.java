package org.dbb.console.core.fabric.http;

import java.util.Objects;
import java.util.Optional;

import okhttp3.HttpUrl;

/**
 * One request to send: the operation it performs, its concrete URL, an optional JSON body and whether sending it
 * twice is harmless. Non-idempotent requests (starting a job, triggering a refresh) are only re-sent when the
 * service certainly did not act on them. Immutable.
 */
public final class ApiRequest {

    private final ApiCall call;
    private final HttpUrl url;
    private final byte[] jsonBody;
    private final boolean idempotent;

    private ApiRequest(ApiCall call, HttpUrl url, byte[] jsonBody, boolean idempotent) {
        this.call = Objects.requireNonNull(call, "call");
        this.url = Objects.requireNonNull(url, "url");
        this.jsonBody = jsonBody;
        this.idempotent = idempotent;
    }

    /** A request without a body; idempotent unless it is a POST. */
    public static ApiRequest to(ApiCall call, HttpUrl url) {
        return new ApiRequest(call, url, null, !call.method().equals("POST"));
    }

    /** This request carrying {@code json} (UTF-8) as its body. */
    public ApiRequest withJsonBody(byte[] json) {
        return new ApiRequest(call, url, json.clone(), idempotent);
    }

    /** This request declared safe to send twice, e.g. a read-only POST query or a cancel. */
    public ApiRequest markedIdempotent() {
        return new ApiRequest(call, url, jsonBody, true);
    }

    public ApiCall call() {
        return call;
    }

    public HttpUrl url() {
        return url;
    }

    public Optional<byte[]> jsonBody() {
        return Optional.ofNullable(jsonBody).map(byte[]::clone);
    }

    public boolean idempotent() {
        return idempotent;
    }

    @Override
    public String toString() {
        return call + (idempotent ? "" : " (not idempotent)");
    }
}
