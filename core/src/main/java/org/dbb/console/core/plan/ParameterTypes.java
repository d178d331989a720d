package org.dbb.console.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Converts launch values to a pipeline parameter's declared type the way Fabric accepts them: text from a command
 * line or a form becomes the number, boolean, array or object it spells. Stateless and thread-safe.
 */
final class ParameterTypes {

    /** The types a pipeline parameter can declare, in lower case. */
    static final List<String> KNOWN = List.of("string", "int", "float", "bool", "array", "object", "securestring");

    /** What a message calls a value the operator gave. */
    static final String LAUNCH_VALUE = "the launch value";
    /** What a message calls a parameter's declared default. */
    static final String DEFAULT_VALUE = "its default";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParameterTypes() {
    }

    static boolean isKnown(String declaredType) {
        return KNOWN.contains(key(declaredType));
    }

    /** Whether any text is a value of the type ({@code string} and {@code securestring}). */
    static boolean isText(String declaredType) {
        return key(declaredType).equals("string") || isSecure(declaredType);
    }

    static boolean isSecure(String declaredType) {
        return key(declaredType).equals("securestring");
    }

    /** {@code value} as the declared type, or empty when it is not one. */
    static Optional<JsonNode> convert(String declaredType, JsonNode value) {
        if (value.isNull()) {
            return Optional.of(value);
        }
        return switch (key(declaredType)) {
            case "string", "securestring" -> value.isValueNode() && !value.isBinary()
                    ? Optional.of(value.isTextual() ? value : TextNode.valueOf(value.asText()))
                    : Optional.empty();
            case "int" -> integer(value);
            case "float" -> decimal(value);
            case "bool" -> bool(value);
            case "array" -> structured(value, JsonNode::isArray);
            case "object" -> structured(value, JsonNode::isObject);
            default -> Optional.empty();
        };
    }

    /** Words for the expected value, e.g. {@code an int (a whole number)}. */
    static String expected(String declaredType) {
        return switch (key(declaredType)) {
            case "string" -> "a string";
            case "securestring" -> "a securestring (text)";
            case "int" -> "an int (a whole number)";
            case "float" -> "a float (a number)";
            case "bool" -> "a bool (true or false)";
            case "array" -> "an array (a JSON list such as [\"a\", \"b\"])";
            case "object" -> "an object (a JSON object such as {\"key\": \"value\"})";
            default -> "a value of type " + declaredType;
        };
    }

    /**
     * The message for a value that is not of the declared type, as the plan reports it for a launch value or a
     * default; a securestring's value is never repeated.
     *
     * @param what {@code the launch value} or {@code its default}
     */
    static String mismatch(String name, String declaredType, JsonNode value, String what) {
        String shown = isSecure(declaredType) ? "the value given" : value.toString();
        return "parameter '" + name + "' is declared " + declaredType + ", so " + what + " must be "
                + expected(declaredType) + "; " + shown + " is not one";
    }

    /** The message for a parameter without a default that the launch gives no value. */
    static String missing(String name, String declaredType) {
        return "parameter '" + name + "' has no default value and the launch gives none; pass "
                + expected(declaredType) + " for it";
    }

    private static String key(String declaredType) {
        return declaredType.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<JsonNode> integer(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(narrow(value.asLong()));
        }
        if (value.isTextual()) {
            try {
                return Optional.of(narrow(Long.parseLong(value.asText().strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static JsonNode narrow(long number) {
        return number == (int) number ? IntNode.valueOf((int) number) : LongNode.valueOf(number);
    }

    private static Optional<JsonNode> decimal(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(DoubleNode.valueOf(value.asDouble()));
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.asText().strip());
                return Double.isFinite(parsed) ? Optional.of(DoubleNode.valueOf(parsed)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> bool(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value);
        }
        if (value.isTextual()) {
            String text = key(value.asText());
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(BooleanNode.valueOf(text.equals("true")));
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> structured(JsonNode value, Predicate<JsonNode> shape) {
        if (shape.test(value)) {
            return Optional.of(value);
        }
        if (value.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(value.asText());
                return parsed != null && shape.test(parsed) ? Optional.of(parsed) : Optional.empty();
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
