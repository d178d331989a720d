package org.dbb.console.core.workspace.config.edit;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes one value of {@code dbb-console.yml} as YAML text that fits on one line, inside block and flow mappings
 * alike, and reads back (YAML 1.1, as SnakeYAML reads it) as the text it was made from: plain where that is
 * safe, otherwise in the quotes of the value it replaces, double quotes by default. Stateless and thread-safe.
 */
final class YamlScalars {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final Resolver RESOLVER = new Resolver();

    private YamlScalars() {
    }

    /** A value of a field, in the style of the value it replaces ({@code null}: a new value). */
    static String value(EnvironmentField field, String value, ScalarStyle like) {
        return switch (field.kind()) {
            case BOOLEAN -> value.equals("true") || value.equals("false") ? value : text(value, like);
            case INTEGER -> WHOLE_NUMBER.matcher(value).matches() ? value : text(value, like);
            case TEXT, REFERENCE -> text(value, like);
        };
    }

    /** Whether a whole-number field's value is written as a number (anything else is written as text). */
    static boolean isWholeNumber(String value) {
        return WHOLE_NUMBER.matcher(value).matches();
    }

    /** Text that reads back as {@code value}. */
    static String text(String value, ScalarStyle like) {
        if (like == ScalarStyle.SINGLE_QUOTED) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (like != ScalarStyle.DOUBLE_QUOTED && isPlainSafe(value)) {
            return value;
        }
        return doubleQuoted(value);
    }

    /**
     * Whether {@code value} can be written without quotes anywhere in the file: it would be read as the same text
     * (not a boolean, number, null or date), and holds nothing that ends a plain scalar in a block or flow
     * mapping or starts a comment.
     */
    static boolean isPlainSafe(String value) {
        if (value.isEmpty() || !value.strip().equals(value) || INDICATORS.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.endsWith(":") || value.contains(" #")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c < ' ' || c == 0x7f) {
                return false;
            }
        }
        return RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
