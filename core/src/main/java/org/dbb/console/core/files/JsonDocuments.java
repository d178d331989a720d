package org.dbb.console.core.files;

import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * Parses JSON files into Jackson trees, turning syntax errors into problems that name the file, line and column.
 * Byte-order marks are tolerated (Fabric exports sometimes carry one). Thread-safe.
 */
public final class JsonDocuments {

    private final ObjectMapper mapper;

    public JsonDocuments() {
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The mapper used for reading, for callers that convert trees to values. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads and parses a file. */
    public JsonNode read(Path file) {
        return parse(TextFile.read(file));
    }

    /** Parses text already read. */
    public JsonNode parse(TextFile file) {
        try {
            JsonNode node = mapper.readTree(file.text());
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(Problem.error(file.path(), 1, 1,
                        "the file is empty; it must hold a JSON document"));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNr());
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            throw new InvalidInputException(Problem.error(file.path(), line, column,
                    "the file is not valid JSON: " + JsonErrors.describe(e)
                            + "; fix the JSON syntax at this line and column"));
        }
    }
}
