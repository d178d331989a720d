package org.dbb.console.core.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fabric pagination: {@code value} plus {@code continuationToken} and {@code continuationUri} while more pages
 * remain, both absent on the last page. Tokens are opaque to clients. Immutable.
 */
final class Pages {

    private static final String PREFIX = "dbb-emulator-offset:";

    private final int pageSize;

    Pages(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    ObjectNode page(List<? extends JsonNode> all, ApiRequest request) {
        int offset = request.query("continuationToken").map(Pages::offsetOf).orElse(0);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode value = body.putArray("value");
        int end = Math.min(all.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            value.add(all.get(i));
        }
        if (end < all.size()) {
            String token = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((PREFIX + end).getBytes(StandardCharsets.UTF_8));
            body.put("continuationToken", token);
            String others = request.query().entrySet().stream()
                    .filter(e -> !e.getKey().equals("continuationToken") && !e.getValue().isEmpty())
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue().get(0)) + "&")
                    .collect(Collectors.joining());
            body.put("continuationUri", request.baseUrl() + request.path() + "?" + others + "continuationToken="
                    + encode(token));
        }
        return body;
    }

    private static int offsetOf(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ApiError.badRequest("InvalidContinuationToken", "The continuation token is not valid.");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
