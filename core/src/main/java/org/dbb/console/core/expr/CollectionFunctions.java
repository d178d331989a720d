package org.dbb.console.core.expr;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Functions over strings, arrays and objects as collections, and the ones that build arrays. Stateless. */
final class CollectionFunctions {

    /** Keeps a mistyped count from building an array that exhausts memory. */
    private static final long MAX_RANGE = 100_000;

    private CollectionFunctions() {
    }

    static JsonNode range(Arguments arguments) {
        long start = arguments.integer(0);
        long count = arguments.integer(1);
        if (count < 0 || count > MAX_RANGE) {
            throw arguments.fail("count " + count + " is outside 0.." + MAX_RANGE,
                    "pass a count of at least 0 and at most " + MAX_RANGE);
        }
        if (start > Long.MAX_VALUE - count) {
            throw arguments.fail("the range runs past the largest 64-bit integer", "pass a smaller start");
        }
        ArrayNode numbers = JsonNodeFactory.instance.arrayNode();
        for (long i = 0; i < count; i++) {
            numbers.add(Values.integer(start + i));
        }
        return numbers;
    }

    static JsonNode coalesce(Arguments arguments) {
        for (JsonNode value : arguments.all()) {
            if (!Values.isNull(value)) {
                return value;
            }
        }
        return NullNode.getInstance();
    }

    static JsonNode empty(Arguments arguments) {
        JsonNode value = arguments.get(0);
        if (Values.isNull(value)) {
            return BooleanNode.TRUE;
        }
        if (value.isTextual()) {
            return BooleanNode.valueOf(value.textValue().isEmpty());
        }
        if (value.isContainerNode()) {
            return BooleanNode.valueOf(value.isEmpty());
        }
        throw arguments.wrongType(0, "a string, array, object or null");
    }

    static JsonNode length(Arguments arguments) {
        JsonNode value = arguments.get(0);
        if (value.isTextual()) {
            return Values.integer(value.textValue().length());
        }
        if (value.isContainerNode()) {
            return Values.integer(value.size());
        }
        throw arguments.wrongType(0, "a string, array or object");
    }

    static JsonNode contains(Arguments arguments) {
        JsonNode collection = arguments.get(0);
        JsonNode wanted = arguments.get(1);
        if (collection.isTextual()) {
            return BooleanNode.valueOf(collection.textValue().contains(arguments.string(1)));
        }
        if (collection.isArray()) {
            for (JsonNode element : collection) {
                if (Values.equal(element, wanted)) {
                    return BooleanNode.TRUE;
                }
            }
            return BooleanNode.FALSE;
        }
        if (collection.isObject()) {
            return BooleanNode.valueOf(collection.has(arguments.string(1)));
        }
        throw arguments.wrongType(0, "a string, array or object");
    }

    static JsonNode first(Arguments arguments) {
        return end(arguments, true);
    }

    static JsonNode last(Arguments arguments) {
        return end(arguments, false);
    }

    private static JsonNode end(Arguments arguments, boolean first) {
        JsonNode collection = arguments.get(0);
        if (collection.isTextual()) {
            String text = collection.textValue();
            if (text.isEmpty()) {
                return NullNode.getInstance();
            }
            int at = first ? 0 : text.length() - 1;
            return TextNode.valueOf(text.substring(at, at + 1));
        }
        if (collection.isArray()) {
            if (collection.isEmpty()) {
                return NullNode.getInstance();
            }
            return collection.get(first ? 0 : collection.size() - 1);
        }
        throw arguments.wrongType(0, "a string or an array");
    }

    /** Arrays: every distinct element in first-seen order. Objects: all properties, later ones winning. */
    static JsonNode union(Arguments arguments) {
        if (arguments.get(0).isObject()) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < arguments.size(); i++) {
                JsonNode object = arguments.get(i);
                if (!object.isObject()) {
                    throw arguments.wrongType(i, "an object like the first argument");
                }
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
            return merged;
        }
        ArrayNode union = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < arguments.size(); i++) {
            JsonNode array = arguments.get(i);
            if (!array.isArray()) {
                throw arguments.wrongType(i, "an array");
            }
            for (JsonNode element : array) {
                if (!containsEqual(union, element)) {
                    union.add(element);
                }
            }
        }
        return union;
    }

    static JsonNode createArray(Arguments arguments) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        arguments.all().forEach(array::add);
        return array;
    }

    static JsonNode array(Arguments arguments) {
        return JsonNodeFactory.instance.arrayNode().add(arguments.get(0));
    }

    private static boolean containsEqual(ArrayNode array, JsonNode wanted) {
        for (JsonNode element : array) {
            if (Values.equal(element, wanted)) {
                return true;
            }
        }
        return false;
    }
}
