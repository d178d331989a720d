package org.dbb.console.core.workspace.params.resolve;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Serialises plain Java data ({@code Map}, {@code List}, {@code String}, numbers, {@code Boolean}, {@code null})
 * exactly as Python's {@code json.dumps} does: {@link #compact()} is the default call fabric-cicd makes after a
 * {@code key_value_replace} (separators {@code ", "} and {@code ": "}, {@code ensure_ascii=True}, no indentation,
 * key order kept); {@link #indented()} is {@code json.dumps(v, indent=2, ensure_ascii=False)}, used to show changes
 * readably. Immutable and thread-safe.
 */
public final class PythonJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int indent;
    private final boolean ensureAscii;

    private PythonJsonWriter(int indent, boolean ensureAscii) {
        this.indent = indent;
        this.ensureAscii = ensureAscii;
    }

    /** {@code json.dumps(value)} with Python's defaults. */
    public static PythonJsonWriter compact() {
        return new PythonJsonWriter(-1, true);
    }

    /** {@code json.dumps(value, indent=2, ensure_ascii=False)}. */
    public static PythonJsonWriter indented() {
        return new PythonJsonWriter(2, false);
    }

    /**
     * Serialises {@code value}.
     *
     * @throws IllegalArgumentException with Python's wording when a value has no JSON form
     *                                  ({@code Object of type X is not JSON serializable})
     */
    public String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private void write(Object value, StringBuilder out, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append(jsonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, level);
        } else if (value instanceof Collection<?> list) {
            array(list, out, level);
        } else {
            throw new IllegalArgumentException("Object of type " + pythonTypeName(value)
                    + " is not JSON serializable");
        }
    }

    private void object(Map<?, ?> map, StringBuilder out, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(out, level + 1);
            string(key(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), out, level + 1);
            if (it.hasNext()) {
                out.append(indent < 0 ? ", " : ",");
            }
        }
        newline(out, level);
        out.append('}');
    }

    private void array(Collection<?> list, StringBuilder out, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            newline(out, level + 1);
            write(it.next(), out, level + 1);
            if (it.hasNext()) {
                out.append(indent < 0 ? ", " : ",");
            }
        }
        newline(out, level);
        out.append(']');
    }

    private void newline(StringBuilder out, int level) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    /** Python converts non-string keys the same way it writes them as values. */
    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double || key instanceof Float || key instanceof BigDecimal) {
            return jsonFloat(((Number) key).doubleValue());
        }
        if (key instanceof Number) {
            return key.toString();
        }
        throw new IllegalArgumentException("keys must be str, int, float, bool or None, not "
                + pythonTypeName(key));
    }

    private static String jsonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloats.repr(d);
    }

    private void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String pythonTypeName(Object value) {
        if (value instanceof byte[]) {
            return "bytes";
        }
        if (value instanceof java.util.Set<?>) {
            return "set";
        }
        if (value instanceof java.util.Date || value instanceof YamlTimestamp) {
            return "datetime";
        }
        return value.getClass().getSimpleName();
    }
}
