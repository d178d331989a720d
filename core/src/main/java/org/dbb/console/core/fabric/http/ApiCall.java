package org.dbb.console.core.fabric.http;

import java.util.Locale;
import java.util.Objects;

/**
 * Names one REST operation by method and path template, e.g. {@code GET /v1/workspaces/{workspaceId}/items}. The
 * template, never the concrete URL, is what messages show, so ids stay readable and query secrets never leak.
 * Immutable.
 *
 * @param service      the service the operation belongs to
 * @param method       the HTTP method, upper case
 * @param pathTemplate the path with placeholders, starting with {@code /}
 */
public record ApiCall(Service service, String method, String pathTemplate) {

    public ApiCall {
        Objects.requireNonNull(service, "service");
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + pathTemplate);
        }
    }

    public static ApiCall get(Service service, String pathTemplate) {
        return new ApiCall(service, "GET", pathTemplate);
    }

    public static ApiCall post(Service service, String pathTemplate) {
        return new ApiCall(service, "POST", pathTemplate);
    }

    public static ApiCall delete(Service service, String pathTemplate) {
        return new ApiCall(service, "DELETE", pathTemplate);
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
