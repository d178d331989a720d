package org.dbb.console.core.workspace.params;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.StringJoiner;

import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.PyType;
import org.dbb.console.core.workspace.params.YamlValue.Scalar;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * Python's {@code str()}, {@code repr()}, dict-key equality and {@code str.isspace()} for {@link YamlValue}s, so
 * messages read exactly as fabric-cicd prints them. Stateless and thread-safe.
 */
final class PyValues {

    /** Stands for Python's {@code None} as a dict key. */
    private static final Object NONE_KEY = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private PyValues() {
    }

    static String str(YamlValue value) {
        if (value instanceof Scalar s) {
            return switch (s.type()) {
                case STR, DATE, DATETIME, BYTES, SET -> (String) s.value();
                case BOOL -> (Boolean) s.value() ? "True" : "False";
                case INT -> s.value().toString();
                case FLOAT -> floatRepr((Double) s.value());
                case NONE -> "None";
            };
        }
        return repr(value);
    }

    static String repr(YamlValue value) {
        if (value instanceof Scalar s) {
            return switch (s.type()) {
                case STR -> reprString((String) s.value());
                case DATE -> dateRepr((String) s.value());
                case DATETIME -> "datetime.datetime(" + reprString((String) s.value()) + ")";
                default -> str(value);
            };
        }
        if (value instanceof Sequence seq) {
            boolean tuple = seq.pythonType().equals("tuple");
            StringJoiner j = new StringJoiner(", ", tuple ? "(" : "[", tuple ? ")" : "]");
            seq.items().forEach(i -> j.add(repr(i)));
            String out = j.toString();
            return tuple && seq.items().size() == 1 ? out.substring(0, out.length() - 1) + ",)" : out;
        }
        Mapping map = (Mapping) value;
        StringJoiner j = new StringJoiner(", ", "{", "}");
        map.entries().values().forEach(e -> j.add(repr(e.key()) + ": " + repr(e.value())));
        return j.toString();
    }

    /** Python's repr of a list of strings, e.g. {@code ['a', 'b']}. */
    static String reprList(List<String> values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        values.forEach(v -> j.add(reprString(v)));
        return j.toString();
    }

    /** Python's repr of a str: single quotes unless the text holds a single quote and no double quote. */
    static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp >= 0x80 && !printable(cp)) {
                if (cp < 0x100) {
                    b.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.append(String.format("\\U%08x", cp));
                }
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(quote).toString();
    }

    private static boolean printable(int cp) {
        int t = Character.getType(cp);
        return !(t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
                || t == Character.PRIVATE_USE || t == Character.UNASSIGNED || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || (t == Character.SPACE_SEPARATOR && cp != ' '));
    }

    private static String dateRepr(String iso) {
        String[] p = iso.split("-");
        if (p.length != 3) {
            return iso;
        }
        return "datetime.date(" + Integer.parseInt(p[0]) + ", " + Integer.parseInt(p[1]) + ", "
                + Integer.parseInt(p[2]) + ")";
    }

    /** Python's {@code repr(float)}: shortest digits, fixed notation for exponents -4..15, else {@code 1e+16}. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - bd.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    /**
     * The object that stands for a value as a dict key under Python equality ({@code True == 1 == 1.0}).
     *
     * @throws IllegalArgumentException for unhashable values (list, dict, set)
     */
    static Object hashKey(YamlValue value) {
        if (!(value instanceof Scalar s)) {
            throw new IllegalArgumentException("unhashable type: '" + value.typeName() + "'");
        }
        return switch (s.type()) {
            case STR -> s.value();
            case BOOL -> (Boolean) s.value() ? BigInteger.ONE : BigInteger.ZERO;
            case INT -> s.value();
            case FLOAT -> floatKey((Double) s.value());
            case NONE -> NONE_KEY;
            case SET -> throw new IllegalArgumentException("unhashable type: 'set'");
            default -> "\u0000" + s.type() + ":" + s.value();
        };
    }

    private static Object floatKey(double d) {
        if (Double.isNaN(d)) {
            return new Object();
        }
        if (!Double.isInfinite(d) && d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger();
        }
        return d;
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0
                || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202f || cp == 0x205f || cp == 0x3000;
    }

    /** Python's {@code text.strip() == ""}. */
    static boolean isBlank(String text) {
        return text.codePoints().allMatch(PyValues::isSpace);
    }

    /** Python's {@code str.strip()}. */
    static String strip(String text) {
        int[] cps = text.codePoints().toArray();
        int start = 0;
        int end = cps.length;
        while (start < end && isSpace(cps[start])) {
            start++;
        }
        while (end > start && isSpace(cps[end - 1])) {
            end--;
        }
        return new String(cps, start, end - start);
    }

    /** Whether the value is Python's {@code None}. */
    static boolean isNone(YamlValue v) {
        return v instanceof Scalar s && s.type() == PyType.NONE;
    }
}
