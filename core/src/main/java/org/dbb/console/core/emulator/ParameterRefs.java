package org.dbb.console.core.emulator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.workspace.pipeline.DynamicValue;

/**
 * The few expression shapes the emulator follows when it plans a pipeline run: a plain
 * {@code @pipeline().parameters.x}, {@code @bool(…)} of one and {@code @equals(…, literal)} with one. Anything
 * else is beyond a test double (the console's expression language does the real work) and is reported as unknown,
 * so callers fall back to a documented default. Stateless.
 */
final class ParameterRefs {

    private static final Pattern PARAMETER = Pattern.compile(
            "@\\s*pipeline\\(\\)\\.parameters\\.([A-Za-z_][A-Za-z0-9_]*)\\s*");
    private static final Pattern BOOL = Pattern.compile(
            "@\\s*bool\\(\\s*pipeline\\(\\)\\.parameters\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*");
    private static final Pattern EQUALS = Pattern.compile(
            "@\\s*equals\\(\\s*pipeline\\(\\)\\.parameters\\.([A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*(.+?)\\s*\\)\\s*");

    private ParameterRefs() {
    }

    /** The value of a literal, or of a bare parameter reference. */
    static Optional<JsonNode> value(DynamicValue value, ObjectNode parameters) {
        if (value instanceof DynamicValue.Literal literal) {
            return Optional.of(literal.value());
        }
        Matcher m = PARAMETER.matcher(((DynamicValue.Expression) value).text());
        return m.matches() ? Optional.ofNullable(parameters.get(m.group(1))) : Optional.empty();
    }

    /**
     * {@code node} with every expression object that is a plain parameter reference
     * ({@code {"value": "@pipeline().parameters.x", "type": "Expression"}}) replaced by the parameter's value, as
     * Fabric shows an activity's evaluated input. Replaces in place and returns the result.
     */
    static JsonNode substitute(JsonNode node, ObjectNode parameters) {
        if (node instanceof ObjectNode object) {
            if ("Expression".equals(object.path("type").asText()) && object.path("value").isTextual()) {
                Matcher m = PARAMETER.matcher(object.path("value").asText());
                if (m.matches() && parameters.has(m.group(1))) {
                    return parameters.get(m.group(1)).deepCopy();
                }
                return object;
            }
            object.fields().forEachRemaining(e -> e.setValue(substitute(e.getValue(), parameters)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), parameters));
            }
        }
        return node;
    }

    /** The truth of a condition, when it has one of the understood shapes. */
    static Optional<Boolean> condition(DynamicValue value, ObjectNode parameters) {
        if (value instanceof DynamicValue.Literal literal) {
            return literal.value().isBoolean() ? Optional.of(literal.value().asBoolean()) : Optional.empty();
        }
        String text = ((DynamicValue.Expression) value).text();
        Matcher bool = BOOL.matcher(text);
        if (bool.matches()) {
            return truth(parameters.get(bool.group(1)));
        }
        Matcher plain = PARAMETER.matcher(text);
        if (plain.matches()) {
            return truth(parameters.get(plain.group(1)));
        }
        Matcher equals = EQUALS.matcher(text);
        if (equals.matches()) {
            JsonNode actual = parameters.get(equals.group(1));
            return literal(equals.group(2)).map(expected -> actual != null && sameValue(actual, expected));
        }
        return Optional.empty();
    }

    private static Optional<Boolean> truth(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.asBoolean());
        }
        String text = node.asText().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("false") ? Optional.of(text.equals("true")) : Optional.empty();
    }

    private static Optional<JsonNode> literal(String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Optional.of(f.booleanNode(Boolean.parseBoolean(t.toLowerCase(Locale.ROOT))));
        }
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return Optional.of(f.textNode(t.substring(1, t.length() - 1).replace("''", "'")));
        }
        try {
            return Optional.of(f.numberNode(Double.parseDouble(t)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean sameValue(JsonNode actual, JsonNode expected) {
        if (expected.isBoolean()) {
            return truth(actual).map(b -> b == expected.asBoolean()).orElse(false);
        }
        if (expected.isNumber()) {
            try {
                return Double.parseDouble(actual.asText()) == expected.asDouble();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return actual.asText().equals(expected.asText());
    }
}
