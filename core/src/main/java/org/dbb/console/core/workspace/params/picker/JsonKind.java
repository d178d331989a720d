package org.dbb.console.core.workspace.params.picker;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The type of a JSON value, as a definition file holds it or as a replacement value would be written. */
public enum JsonKind {
    OBJECT("object"),
    ARRAY("list"),
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    NULL("null");

    private final String noun;

    JsonKind(String noun) {
        this.noun = noun;
    }

    /** How messages name it: {@code object}, {@code list}, {@code string}, … */
    public String noun() {
        return noun;
    }

    /** Whether fabric-cicd replacing a node of this kind replaces a whole structure rather than one value. */
    public boolean isContainer() {
        return this == OBJECT || this == ARRAY;
    }

    /** The kind of a parsed JSON node. */
    public static JsonKind of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NULL;
        }
        if (node.isObject()) {
            return OBJECT;
        }
        if (node.isArray()) {
            return ARRAY;
        }
        if (node.isBoolean()) {
            return BOOLEAN;
        }
        if (node.isNumber()) {
            return NUMBER;
        }
        return STRING;
    }

    /**
     * The kind a replacement value becomes in the JSON file: text → string, true/false → boolean, integers and
     * decimals → number, lists → list, maps → object.
     */
    public static JsonKind ofValue(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Map<?, ?>) {
            return OBJECT;
        }
        if (value instanceof List<?>) {
            return ARRAY;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal) {
            return NUMBER;
        }
        return STRING;
    }
}
