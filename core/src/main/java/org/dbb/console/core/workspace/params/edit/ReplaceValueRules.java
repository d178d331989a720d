package org.dbb.console.core.workspace.params.edit;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbb.console.core.workspace.params.SparkPoolTarget;

/**
 * fabric-cicd's rules for one environment's value, by kind of map. Each check returns the value in the form the
 * editor writes, or throws {@link IllegalArgumentException} with a message the caller positions in the file.
 * Stateless and thread-safe.
 */
final class ReplaceValueRules {

    /** The spark_pool types fabric-cicd accepts, exactly as it spells them. */
    private static final Set<String> SPARK_POOL_TYPES = Set.of("Capacity", "Workspace");

    private ReplaceValueRules() {
    }

    static Object normalize(ValueKind kind, Object value) {
        return switch (kind) {
            case FIND_REPLACE -> findReplace(value);
            case KEY_VALUE_REPLACE -> keyValue(value);
            case SPARK_POOL -> sparkPool(value);
            case CONNECTION_ID -> connectionId(value);
        };
    }

    private static String findReplace(Object value) {
        if (!(value instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("a find_replace value must be non-empty text; fabric-cicd rejects "
                    + "numbers, booleans and empty strings (got " + describe(value) + ")");
        }
        return s;
    }

    private static Object keyValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a key_value_replace value must not be null");
        }
        String unsupported = unsupported(value);
        if (unsupported != null) {
            throw new IllegalArgumentException("a key_value_replace value must be text, a boolean, a number, a list "
                    + "or a map; " + unsupported + " is not");
        }
        return value;
    }

    private static String unsupported(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReplaceValueRules::unsupported).filter(u -> u != null).findFirst().orElse(null);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    return "the map key " + describe(e.getKey());
                }
                String inner = unsupported(e.getValue());
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return describe(value);
    }

    private static SparkPoolTarget sparkPool(Object value) {
        String shape = "a spark_pool value must be {type: Capacity|Workspace, name: <pool name>}";
        Object type;
        Object name;
        if (value instanceof SparkPoolTarget target) {
            type = target.type();
            name = target.name();
        } else if (value instanceof Map<?, ?> map && map.keySet().equals(Set.of("type", "name"))) {
            type = map.get("type");
            name = map.get("name");
        } else {
            throw new IllegalArgumentException(shape + " (got " + describe(value) + ")");
        }
        // fabric-cicd compares the type case-sensitively.
        if (!(type instanceof String t) || !SPARK_POOL_TYPES.contains(t)) {
            throw new IllegalArgumentException(shape + "; type must be exactly Capacity or Workspace (got "
                    + describe(type) + ")");
        }
        if (!(name instanceof String n) || n.isBlank()) {
            throw new IllegalArgumentException(shape + "; name must be non-empty text (got " + describe(name) + ")");
        }
        return value instanceof SparkPoolTarget target ? target : new SparkPoolTarget(t, n);
    }

    private static Object connectionId(Object value) {
        if (value instanceof String s && YamlText.isGuid(s)) {
            return s;
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(v -> v instanceof String s && YamlText.isGuid(s))) {
            return value;
        }
        throw new IllegalArgumentException("a connection_id value must be a connection GUID or a non-empty list of "
                + "GUIDs (got " + describe(value) + ")");
    }

    /**
     * Checks that a key_value_replace value has the type of the entry's other values, as fabric-cicd requires.
     *
     * @param others environment → data of the entry's other values
     */
    static void requireSameType(String environment, Object data, Map<String, Object> others) {
        String type = YamlData.pythonType(data);
        for (Map.Entry<String, Object> other : others.entrySet()) {
            String otherType = YamlData.pythonType(other.getValue());
            if (!otherType.equals(type)) {
                throw new IllegalArgumentException("key_value_replace needs one value type across environments: '"
                        + environment + "' would be " + type + " but '" + other.getKey() + "' is " + otherType
                        + "; give a " + otherType + " value (quote text, leave true/false and numbers bare)");
            }
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s.isEmpty() ? "empty text" : "text '" + s + "'";
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}
