package org.dbb.console.core.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the route handlers see it. Immutable (the body array is not copied: handlers only read it).
 *
 * @param method     the HTTP method, upper case
 * @param path       the decoded path
 * @param query      decoded query parameters, first value per name kept in order
 * @param headers    request headers keyed by lower-case name
 * @param body       the raw body (empty when none)
 * @param baseUrl    this emulator's own origin, e.g. {@code http://127.0.0.1:51234}, for absolute URLs
 * @param pathParams the values of the route template's {@code {placeholders}}
 * @param requestId  the id this request is answered with ({@code RequestId} header, error bodies)
 * @param receivedAt the emulator clock's time when the request is processed
 */
record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                  byte[] body, String baseUrl, Map<String, String> pathParams, String requestId, Instant receivedAt) {

    Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    boolean hasBody() {
        return body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank();
    }

    ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, query, headers, body, baseUrl, Map.copyOf(params), requestId, receivedAt);
    }

    ApiRequest at(Instant time) {
        return new ApiRequest(method, path, query, headers, body, baseUrl, pathParams, requestId, time);
    }
}
