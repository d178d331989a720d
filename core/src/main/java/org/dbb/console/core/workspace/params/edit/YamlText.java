package org.dbb.console.core.workspace.params.edit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes values as YAML text following the parameter.yml rules: strings double-quoted unless a neighbour's style
 * says otherwise, regexes single-quoted (backslashes are escapes in double quotes), GUIDs always quoted,
 * booleans and numbers bare. Everything produced fits on one line and reads back, under YAML 1.1, as the value it
 * was made from. Stateless and thread-safe.
 */
final class YamlText {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlText() {
    }

    static boolean isGuid(String s) {
        return GUID.matcher(s).matches();
    }

    /**
     * A string in the style of the scalar it replaces or sits next to: single quotes stay single, plain stays
     * plain where that still reads as the same string (never for GUIDs), anything else becomes double-quoted.
     */
    static String string(String value, ScalarStyle like) {
        if (like == ScalarStyle.SINGLE_QUOTED && canSingleQuote(value)) {
            return singleQuoted(value);
        }
        if (like == ScalarStyle.PLAIN && isPlainSafe(value) && !isGuid(value)) {
            return value;
        }
        return doubleQuoted(value);
    }

    /** A mapping key in the style of its neighbours' keys; plain only where it reads back as the same string. */
    static String key(String name, ScalarStyle like) {
        if (like == ScalarStyle.SINGLE_QUOTED && canSingleQuote(name)) {
            return singleQuoted(name);
        }
        if (like == ScalarStyle.DOUBLE_QUOTED || !isPlainSafe(name)) {
            return doubleQuoted(name);
        }
        return name;
    }

    /** A regex pattern: single-quoted so backslashes stay literal. */
    static String regex(String pattern) {
        if (!canSingleQuote(pattern)) {
            throw new IllegalArgumentException("a pattern with line breaks or control characters cannot be written "
                    + "single-quoted; write them as \\n, \\t ... inside the pattern instead");
        }
        return singleQuoted(pattern);
    }

    /**
     * Any value as flow YAML: strings double-quoted, booleans and numbers bare, lists {@code [a, b]}, maps
     * {@code {k: v}}.
     */
    static String flow(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return doubleQuoted(s);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return decimal(((Number) value).doubleValue());
        }
        if (value instanceof SparkPoolTarget pool) {
            return flow(SparkPoolValues.asMap(pool));
        }
        if (value instanceof List<?> list) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            list.forEach(item -> out.add(flow(item)));
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> out.add((k instanceof String s ? key(s, ScalarStyle.PLAIN) : flow(k)) + ": "
                    + flow(v)));
            return out.toString();
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as YAML");
    }

    /** A value in the style of a neighbouring scalar when it is a string, else as {@link #flow}. */
    static String value(Object value, ScalarStyle like) {
        return value instanceof String s ? string(s, like) : flow(value);
    }

    // PyYAML's YAML 1.1 float pattern needs a '.' and a signed exponent; Java's "1.0E10" would read as a string.
    private static String decimal(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String plain = BigDecimal.valueOf(d).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                        out.append(String.format("\\x%02X", c));
                    } else if (c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    static boolean canSingleQuote(String s) {
        return s.codePoints().noneMatch(YamlText::needsEscape);
    }

    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Whether {@code s} can be written without quotes, in block or flow context, and reads back as this string. */
    static boolean isPlainSafe(String s) {
        if (s.isEmpty() || s.isBlank() || !s.strip().equals(s)) {
            return false;
        }
        if (INDICATORS.indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        // ':' and '?' end or break plain scalars inside flow collections in some YAML 1.1 parsers, so text with
        // them is quoted everywhere rather than judged per context.
        if (s.codePoints().anyMatch(c -> needsEscape(c) || c == '\t' || ",[]{}:?".indexOf(c) >= 0)) {
            return false;
        }
        if (s.contains(" #")) {
            return false;
        }
        return Tag.STR.equals(new Resolver().resolve(NodeId.scalar, s, true));
    }

    private static boolean needsEscape(int c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
    }
}
