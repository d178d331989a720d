package org.dbb.console.core.expr;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;

/** How the expression language sees JSON values: equality, text form and names for messages. Stateless. */
final class Values {

    private static final int DESCRIBE_LIMIT = 60;

    private Values() {
    }

    /** An integer node, as small as the value allows, so results compare equal to parsed JSON. */
    static JsonNode integer(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    static boolean isNull(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }

    /**
     * Data Factory's equality: numbers by value whatever their type (1 equals 1.0), strings case-sensitively,
     * arrays element by element, objects key by key regardless of order.
     */
    static boolean equal(JsonNode left, JsonNode right) {
        if (isNull(left) || isNull(right)) {
            return isNull(left) && isNull(right);
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!equal(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left.isObject() && right.isObject()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : left.properties()) {
                if (!right.has(field.getKey()) || !equal(field.getValue(), right.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return left.getNodeType() == right.getNodeType() && left.equals(right);
    }

    /**
     * The text {@code string()} and {@code @{…}} produce: strings as they are, objects and arrays as compact JSON,
     * null as empty text, and booleans as {@code True}/{@code False} because Data Factory formats them the .NET way.
     */
    static String text(JsonNode value) {
        if (isNull(value)) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return decimalText(value.decimalValue());
        }
        return value.toString();
    }

    private static String decimalText(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** "a string", "an integer", … for error messages. */
    static String typeName(JsonNode value) {
        if (isNull(value)) {
            return "null";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a float";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isArray() ? "an array" : "an object";
    }

    /** The value and its type, abbreviated, for error messages: {@code 'abc' (a string)}. */
    static String describe(JsonNode value) {
        if (isNull(value)) {
            return "null";
        }
        String shown = value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
        if (shown.length() > DESCRIBE_LIMIT) {
            shown = shown.substring(0, DESCRIBE_LIMIT) + "…";
        }
        return shown + " (" + typeName(value) + ")";
    }
}
