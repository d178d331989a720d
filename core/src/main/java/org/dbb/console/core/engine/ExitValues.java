package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads notebook exit values: JSON when they are JSON, and the breaches a monitoring notebook lists. Stateless;
 * thread-safe.
 */
public final class ExitValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExitValues() {
    }

    /** The exit value as JSON when it parses as a JSON object or array, else as the text it is. */
    public static JsonNode parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(text);
            }
        }
        return TextNode.valueOf(text);
    }

    /** The entries of {@code {"breaches": [...]}}; empty for any other value. */
    public static List<Breach> breaches(JsonNode exitValue) {
        JsonNode entries = exitValue.path("breaches");
        List<Breach> breaches = new ArrayList<>();
        if (!entries.isArray()) {
            return breaches;
        }
        for (JsonNode entry : entries) {
            breaches.add(new Breach(text(entry, "table"), text(entry, "metric").or(() -> text(entry, "check")),
                    text(entry, "value").or(() -> text(entry, "actual")),
                    text(entry, "threshold").or(() -> text(entry, "expected"))));
        }
        return breaches;
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isTextual() ? value.textValue() : value.toString());
    }
}
