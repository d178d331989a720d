package org.dbb.console.core.fabric.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

/**
 * Reads the three error shapes the console meets: Fabric {@code {errorCode, message, requestId, isRetriable}},
 * Power BI {@code {"error": {"code", "message"}}} and Azure DevOps {@code {message, typeKey}}. A body that is not
 * JSON (a gateway's HTML page) falls back to headers and the status. Stateless.
 */
final class ErrorBodies {

    private static final List<String> REQUEST_ID_HEADERS = List.of("RequestId", "x-ms-request-id", "request-id",
            "x-ms-correlation-id", "ActivityId");
    private static final String EXPIRED_TOKEN_CODE = "TokenExpired";
    private static final List<String> ERROR_CODE_HEADERS = List.of("x-ms-public-api-error-code", "x-ms-error-code");

    private ErrorBodies() {
    }

    /** What an error response says, and whether its body explicitly allows (or forbids) retrying. */
    record Parsed(ServiceError error, Optional<Boolean> retriable) {
    }

    /** Reads an error response whose body was parsed into {@code root} (a missing node when it was not JSON). */
    static Parsed parse(int status, String reasonPhrase, Headers headers, JsonNode root) {
        JsonNode powerBi = root.path("error");
        String code = firstText(root.path("errorCode"), powerBi.path("code"), root.path("typeKey"))
                .or(() -> ERROR_CODE_HEADERS.stream().map(headers::get).filter(ErrorBodies::present).findFirst())
                .orElse(defaultCode(status));
        String message = firstText(root.path("message"), powerBi.path("message"))
                .orElse(reasonPhrase == null || reasonPhrase.isBlank() ? "no error details" : reasonPhrase);
        Optional<String> requestId = firstText(root.path("requestId"), powerBi.path("requestId"))
                .or(() -> requestIdFromHeaders(headers));
        Optional<Boolean> retriable = root.path("isRetriable").isBoolean()
                ? Optional.of(root.path("isRetriable").booleanValue())
                : Optional.empty();
        return new Parsed(new ServiceError(code, message, requestId, details(root.path("moreDetails"))), retriable);
    }

    /**
     * Whether a 403 refuses an expired token rather than the caller's rights: Power BI answers an expired token
     * with {@code 403 {"error":{"code":"TokenExpired"}}} where Fabric answers 401.
     */
    static boolean isExpiredTokenRefusal(int status, Headers headers, JsonNode root) {
        return status == 403 && parse(status, null, headers, root).error().errorCode()
                .equalsIgnoreCase(EXPIRED_TOKEN_CODE);
    }

    /** A Fabric {@code ErrorResponse} object (a job's {@code failureReason}, an operation's {@code error}). */
    static Optional<ServiceError> fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Optional<String> code = firstText(node.path("errorCode"), node.path("code"));
        Optional<String> message = firstText(node.path("message"));
        if (code.isEmpty() && message.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceError(code.orElse("Unknown"), message.orElse(""),
                firstText(node.path("requestId")), details(node.path("moreDetails"))));
    }

    static Optional<String> requestIdFromHeaders(Headers headers) {
        return REQUEST_ID_HEADERS.stream().map(headers::get).filter(ErrorBodies::present).map(String::trim)
                .findFirst();
    }

    private static List<ServiceError> details(JsonNode array) {
        List<ServiceError> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> fromNode(n).ifPresent(out::add));
        }
        return out;
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 429 -> "TooManyRequests";
            case 430 -> "TooManyRequestsForCapacity";
            case 503 -> "ServiceUnavailable";
            default -> "HTTP" + status;
        };
    }

    private static Optional<String> firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isValueNode() && !n.isNull() && present(n.asText())) {
                return Optional.of(n.asText().trim());
            }
        }
        return Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
