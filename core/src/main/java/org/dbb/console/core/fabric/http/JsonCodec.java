package org.dbb.console.core.fabric.http;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads response bodies into the clients' package-private DTOs and writes request bodies. Unknown fields are
 * ignored (the services add fields over time); a body that does not parse becomes a {@link FabricApiException}
 * naming the call. Thread-safe.
 */
public final class JsonCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The body of {@code response} as {@code type}. */
    public <T> T read(ApiResponse response, Class<T> type) {
        return convert(readTree(response), type, response);
    }

    /** The body of {@code response} as a tree; an empty body is an error. */
    public JsonNode readTree(ApiResponse response) {
        if (!response.hasBody()) {
            throw unreadable(response, "the response has no body");
        }
        try {
            JsonNode node = mapper.readTree(response.bodyBytes());
            if (node == null || node.isMissingNode()) {
                throw unreadable(response, "the response has no body");
            }
            return node;
        } catch (IOException e) {
            throw unreadable(response, "the response body is not JSON (" + originalMessage(e) + ")");
        }
    }

    /** {@code body} as a tree, or a missing node when it is empty or not JSON (a gateway's HTML error page). */
    JsonNode treeOrMissing(byte[] body) {
        if (body.length == 0) {
            return mapper.missingNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.missingNode() : node;
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    /** {@code node} (part of {@code response}) as {@code type}. */
    public <T> T convert(JsonNode node, Class<T> type, ApiResponse response) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw unreadable(response, "the response body does not have the expected shape ("
                    + originalMessage(e) + ")");
        }
    }

    /**
     * Runs a DTO-to-domain {@code conversion} of {@code response}; a missing or invalid required field
     * ({@link IllegalArgumentException}) becomes a {@link FabricApiException} naming the call.
     */
    public <T> T toDomain(ApiResponse response, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw unreadable(response, "the response is missing what the console needs (" + e.getMessage() + ")");
        }
    }

    /** {@code value} itself, or an {@link IllegalArgumentException} naming {@code field} when it is blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    /** {@code value} unless it is null or blank. */
    public static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** {@code value} as UTF-8 JSON. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body: " + e.getOriginalMessage(), e);
        }
    }

    /** A Fabric {@code ErrorResponse} node (a job's {@code failureReason}, an operation's {@code error}). */
    public Optional<ServiceError> serviceError(JsonNode node) {
        return ErrorBodies.fromNode(node);
    }

    private static FabricApiException unreadable(ApiResponse response, String why) {
        return FabricApiException.of(response.call(), response.status(),
                new ServiceError("UnreadableResponse", why, response.requestId(), List.of()));
    }

    private static String originalMessage(Exception e) {
        String m = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
