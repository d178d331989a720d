package org.dbb.console.core.expr;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * String functions. As documented for Data Factory, {@code startsWith}, {@code endsWith} and {@code indexOf} ignore
 * case while {@code replace} and {@code contains} do not. Stateless.
 */
final class TextFunctions {

    private TextFunctions() {
    }

    static JsonNode concat(Arguments arguments) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode part : arguments.all()) {
            joined.append(Values.text(part));
        }
        return TextNode.valueOf(joined.toString());
    }

    static JsonNode toLower(Arguments arguments) {
        return TextNode.valueOf(arguments.string(0).toLowerCase(Locale.ROOT));
    }

    static JsonNode toUpper(Arguments arguments) {
        return TextNode.valueOf(arguments.string(0).toUpperCase(Locale.ROOT));
    }

    static JsonNode trim(Arguments arguments) {
        return TextNode.valueOf(arguments.string(0).strip());
    }

    static JsonNode startsWith(Arguments arguments) {
        String text = arguments.string(0);
        String prefix = arguments.string(1);
        return BooleanNode.valueOf(text.regionMatches(true, 0, prefix, 0, prefix.length()));
    }

    static JsonNode endsWith(Arguments arguments) {
        String text = arguments.string(0);
        String suffix = arguments.string(1);
        return BooleanNode.valueOf(text.length() >= suffix.length()
                && text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length()));
    }

    static JsonNode indexOf(Arguments arguments) {
        String text = arguments.string(0);
        String search = arguments.string(1);
        for (int i = 0; i + search.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, search, 0, search.length())) {
                return Values.integer(i);
            }
        }
        return Values.integer(-1);
    }

    static JsonNode replace(Arguments arguments) {
        String text = arguments.string(0);
        String old = arguments.string(1);
        if (old.isEmpty()) {
            throw arguments.fail("the text to replace is empty", "pass the non-empty text to look for");
        }
        return TextNode.valueOf(text.replace(old, arguments.string(2)));
    }

    static JsonNode split(Arguments arguments) {
        String text = arguments.string(0);
        String delimiter = arguments.string(1);
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        if (delimiter.isEmpty()) {
            return parts.add(text);
        }
        int from = 0;
        int at;
        while ((at = text.indexOf(delimiter, from)) >= 0) {
            parts.add(text.substring(from, at));
            from = at + delimiter.length();
        }
        return parts.add(text.substring(from));
    }

    static JsonNode join(Arguments arguments) {
        JsonNode array = arguments.get(0);
        if (!array.isArray()) {
            throw arguments.wrongType(0, "an array");
        }
        String delimiter = arguments.string(1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            joined.append(i == 0 ? "" : delimiter).append(Values.text(array.get(i)));
        }
        return TextNode.valueOf(joined.toString());
    }

    static JsonNode substring(Arguments arguments) {
        String text = arguments.string(0);
        long start = arguments.integer(1);
        if (start < 0 || start > text.length()) {
            throw arguments.fail("start " + start + " is outside the " + text.length() + "-character text",
                    "pass a start between 0 and the text's length()");
        }
        long length = arguments.size() > 2 ? arguments.integer(2) : text.length() - start;
        if (length < 0 || start + length > text.length()) {
            throw arguments.fail("start " + start + " and length " + length + " run past the end of the "
                    + text.length() + "-character text", "keep start + length within the text's length()");
        }
        return TextNode.valueOf(text.substring((int) start, (int) (start + length)));
    }
}
