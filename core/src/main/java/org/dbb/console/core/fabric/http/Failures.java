package org.dbb.console.core.fabric.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

/**
 * Turns an error response or an I/O failure into a {@link FabricApiException}, deciding whether the same request
 * may be sent again. Stateless.
 */
final class Failures {

    /** Spark capacity full; Fabric's own status code, outside the IANA registry. */
    static final int TOO_MANY_REQUESTS_FOR_CAPACITY = 430;

    private Failures() {
    }

    static FabricApiException fromResponse(ApiRequest request, int status, String reasonPhrase, Headers headers,
            JsonNode body, Instant now) {
        ErrorBodies.Parsed parsed = ErrorBodies.parse(status, reasonPhrase, headers, body);
        Duration retryAfter = RetryAfter.parse(headers.get("Retry-After"), now).orElse(null);
        // 429, 430 and 503 mean the service refused the work, so even a job submission may be sent again
        boolean refused = status == 429 || status == TOO_MANY_REQUESTS_FOR_CAPACITY || status == 503;
        Optional<Boolean> saysRetriable = parsed.retriable();
        boolean retriable = refused
                || saysRetriable.orElse(status >= 500 && request.idempotent());
        boolean outcomeUnknown = !retriable && status >= 500 && !request.idempotent();
        return FabricApiException.response(request.call(), status, parsed.error(), retriable, retryAfter,
                outcomeUnknown);
    }

    static FabricApiException fromIo(ApiRequest request, IOException e) {
        boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
        boolean retriable = neverSent || request.idempotent();
        String code;
        if (neverSent) {
            code = "ConnectionFailed";
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            code = "Timeout";
        } else {
            code = "ConnectionDropped";
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return FabricApiException.transport(request.call(), code, what, retriable, !retriable, e);
    }
}
