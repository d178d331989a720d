package org.dbb.console.core.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the emulator refuses, thrown by handlers and turned into the error body of the route's service by the
 * front door. Carries only text, so it is safe to build anywhere.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = new LinkedHashMap<>(headers);
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
