package org.dbb.console.core.workspace.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.json.JsonDocument;

/**
 * Reads the members of one JSON object with type checks, recording a positioned problem for each value of the wrong
 * type instead of failing at the first, so that one read reports everything wrong with a file. Not thread-safe: it
 * appends to the reader's problem list.
 */
final class FieldReader {

    private final JsonDocument document;
    private final List<Problem> problems;
    private final JsonNode node;
    private final ConcretePath path;
    private final String owner;

    FieldReader(JsonDocument document, List<Problem> problems, JsonNode node, ConcretePath path, String owner) {
        this.document = document;
        this.problems = problems;
        this.node = node;
        this.path = path;
        this.owner = owner;
    }

    JsonNode node() {
        return node;
    }

    ConcretePath path() {
        return path;
    }

    /** How messages name the object's owner, e.g. {@code activity "Load"}. */
    String owner() {
        return owner;
    }

    /** The same object described differently in messages, e.g. once the activity's name is known. */
    FieldReader as(String newOwner) {
        return new FieldReader(document, problems, node, path, newOwner);
    }

    ConcretePath pathOf(String name) {
        return path.member(name);
    }

    Optional<JsonNode> raw(String name) {
        return Optional.ofNullable(node.get(name));
    }

    Optional<String> text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            wrongType(name, value, "text in quotes");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    String requiredText(String name) {
        if (node.get(name) == null || node.get(name).isNull()) {
            missing(name);
            return "";
        }
        return text(name).orElse("");
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            wrongType(name, value, "true or false, without quotes");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    Optional<Integer> wholeNumber(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            wrongType(name, value, "a whole number without quotes, e.g. \"" + name + "\": 3");
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    Optional<FieldReader> object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            wrongType(name, value, "an object in { }");
            return Optional.empty();
        }
        return Optional.of(new FieldReader(document, problems, value, pathOf(name), owner));
    }

    /** The elements of an array of objects; a missing or null array reads as empty. */
    List<FieldReader> objects(String name) {
        JsonNode value = node.get(name);
        List<FieldReader> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            wrongType(name, value, "an array in [ ]");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            ConcretePath at = pathOf(name).index(i);
            if (value.get(i).isObject()) {
                out.add(new FieldReader(document, problems, value.get(i), at, owner));
            } else {
                problem(at, owner + ": " + name + "[" + i + "] must be an object in { }, found "
                        + shown(value.get(i)) + "; fix or remove that element");
            }
        }
        return out;
    }

    /** The texts of an array of strings; a missing or null array reads as empty. */
    List<String> texts(String name) {
        JsonNode value = node.get(name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            wrongType(name, value, "an array of texts in [ ]");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                out.add(value.get(i).asText());
            } else {
                problem(pathOf(name).index(i), owner + ": " + name + "[" + i + "] must be text in quotes, found "
                        + shown(value.get(i)));
            }
        }
        return out;
    }

    Optional<DynamicValue> dynamic(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(DynamicValue.of(value));
    }

    DynamicValue requiredDynamic(String name) {
        return dynamic(name).orElseGet(() -> {
            missing(name);
            return new DynamicValue.Literal(NullNode.getInstance());
        });
    }

    void problem(ConcretePath at, String message) {
        problems.add(document.problemAt(at, message));
    }

    void missing(String name) {
        problem(path, owner + " has no \"" + name + "\" (expected at " + pathOf(name) + "); add it, or re-export"
                + " the pipeline from Fabric");
    }

    private void wrongType(String name, JsonNode value, String expected) {
        problem(pathOf(name), owner + ": \"" + name + "\" must be " + expected + ", found " + shown(value)
                + "; correct the value in the file");
    }

    static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
