package org.dbb.console.core.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP answer before it is written. Immutable: {@link #withHeader} returns a copy.
 *
 * @param status  the status code
 * @param headers headers in the order they are sent
 * @param body    the body bytes (empty for none)
 */
record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final ObjectMapper WRITER = new ObjectMapper();

    ApiResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    static ApiResponse json(int status, JsonNode body) {
        try {
            return new ApiResponse(status, Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                    WRITER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, Map.of(), new byte[0]);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, values);
        return new ApiResponse(status, copy, body);
    }

    /** The first value of a header, for tests of handlers. */
    String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
}
