package org.dbb.console.core.workspace.json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * A parsed JSON text that remembers where each value sits, so readers can point problems at a line, column and JSON
 * path, and editors can change one value's characters. Immutable and thread-safe; {@link #tree()} hands out copies.
 */
public final class JsonDocument {

    // Duplicate member names are refused: with duplicates the value Fabric uses and the one an editor changes could differ.
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final String text;
    private final JsonNode tree;
    private final JsonSpans spans;
    private final LineMap lines;

    private JsonDocument(Path file, String text, JsonNode tree, JsonSpans spans) {
        this.file = file;
        this.text = text;
        this.tree = tree;
        this.spans = spans;
        this.lines = new LineMap(text);
    }

    /**
     * Parses the text of {@code file} (already decoded, without a byte-order mark).
     *
     * @throws InvalidInputException when the text is not one valid JSON value; the problem carries the line and
     *                               column Jackson stopped at
     */
    public static JsonDocument parse(Path file, String text) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree instanceof MissingNode) {
                throw new InvalidInputException(Problem.error(file, 1, 1,
                        "the file is empty; it must hold one JSON value, such as a pipeline's {\"properties\": {…}}"));
            }
            return new JsonDocument(file, text, tree, JsonSpans.index(FACTORY, text));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(syntaxProblem(file, e));
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a string cannot do I/O", e);
        }
    }

    /** Parses a file read with {@link TextFile} (so a byte-order mark has already been set aside). */
    public static JsonDocument parse(TextFile file) {
        return parse(file.path(), file.text());
    }

    public Path file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** A copy of the whole value tree. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** A copy of the value at {@code path}, or empty when nothing is there. */
    public Optional<JsonNode> valueAt(ConcretePath path) {
        return Optional.ofNullable(find(tree, path)).map(JsonNode::deepCopy);
    }

    /** Whether a value exists at {@code path}. */
    public boolean contains(ConcretePath path) {
        return spans.at(path).isPresent();
    }

    /**
     * Where the value at {@code path} starts; when it does not exist, where its nearest existing ancestor starts,
     * which is where a reader would go to add it.
     */
    public TextPosition positionOf(ConcretePath path) {
        ConcretePath probe = path;
        while (true) {
            Optional<JsonSpans.ValueSpan> span = spans.at(probe);
            if (span.isPresent()) {
                return lines.positionOf(span.get().start());
            }
            Optional<ConcretePath> parent = probe.parent();
            if (parent.isEmpty()) {
                return TextPosition.unknown();
            }
            probe = parent.get();
        }
    }

    /** An error about the value at {@code path}, positioned at its line and column. */
    public Problem problemAt(ConcretePath path, String message) {
        TextPosition at = positionOf(path);
        return Problem.errorAt(file, at.line(), at.column(), path.toString(), message);
    }

    JsonNode treeView() {
        return tree;
    }

    JsonSpans spans() {
        return spans;
    }

    LineMap lines() {
        return lines;
    }

    static JsonNode find(JsonNode from, ConcretePath path) {
        JsonNode node = from;
        for (ConcretePath.Segment segment : path.segments()) {
            if (node == null) {
                return null;
            }
            if (segment instanceof ConcretePath.Member member) {
                node = node.isObject() ? node.get(member.name()) : null;
            } else {
                int index = ((ConcretePath.Index) segment).index();
                node = node.isArray() ? node.get(index) : null;
            }
        }
        return node;
    }

    static Problem syntaxProblem(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return Problem.error(file, line, column, "the file is not valid JSON: " + org.dbb.console.core.files.JsonErrors.describe(e)
                + "; fix the JSON syntax at this line and column (usually a missing or extra comma, quote or bracket"
                + " just before it), then open the file again");
    }
}
