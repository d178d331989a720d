package org.dbb.console.core.workspace.params.resolve;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses text the way Python's {@code json.loads} accepts it, into plain ordered Java data ({@code LinkedHashMap},
 * {@code ArrayList}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double},
 * {@code Boolean}, {@code null}). Like Python it rejects a leading byte-order mark and trailing content, accepts
 * {@code NaN}/{@code Infinity} and keeps the last value of a duplicated key at the first key's position.
 * Thread-safe.
 */
final class PythonJsonReader {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The parsed document, or empty when Python's {@code json.loads} would raise. */
    Optional<Parsed> parse(String text) {
        // Python refuses a str that starts with U+FEFF ("Unexpected UTF-8 BOM"), which decides the JSON/YAML branch.
        if (text.isEmpty() || text.charAt(0) == '\uFEFF') {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(mapper.readValue(text, Object.class)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A successfully parsed document; a record because the document itself may be JSON {@code null}.
     *
     * @param value the root value
     */
    record Parsed(Object value) {
    }
}
