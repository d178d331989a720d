package org.dbb.console.core.workspace.params.resolve;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Python {@code re} pattern translated to {@link Pattern} with Python's meaning: {@code (?P<name>…)} and
 * {@code (?P=name)} become Java named groups and back-references (Python names may hold {@code _}, Java's may not,
 * so every name is mapped), {@code (?#…)} comments are dropped, {@code \Z} means end of input, {@code \v} is the
 * vertical-tab character, a {@code {} that is no quantifier is a literal, {@code {,n}} means {@code {0,n}}, and a
 * {@code [} or {@code &&} inside a character class is literal. Matching uses Python 3's defaults for {@code str}
 * patterns: Unicode character classes, {@code .} excluding only {@code \n}, and Unicode case folding when
 * {@code ignore_case} is set. Immutable and thread-safe.
 *
 * @param source     the pattern as written in {@code parameter.yml}
 * @param pattern    the translated Java pattern
 * @param groupCount the number of capturing groups (fabric-cicd requires exactly one)
 */
public record PythonRegex(String source, Pattern pattern, int groupCount) {

    /**
     * Translates and compiles a Python pattern.
     *
     * @throws IllegalArgumentException with a reason when the pattern cannot be translated or compiled
     */
    public static PythonRegex compile(String source, boolean ignoreCase) {
        String java = new Translator(source).translate();
        int flags = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
        if (ignoreCase) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        try {
            Pattern pattern = Pattern.compile(java, flags);
            return new PythonRegex(source, pattern, pattern.matcher("").groupCount());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    /** Walks the Python pattern once, copying what Java reads the same way and rewriting the rest. */
    private static final class Translator {

        private final String p;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, String> groupNames = new HashMap<>();
        private int i;

        Translator(String p) {
            this.p = p;
        }

        String translate() {
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    escape(false);
                } else if (c == '[') {
                    characterClass();
                } else if (c == '(') {
                    group();
                } else if (c == '{') {
                    brace();
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private void escape(boolean inClass) {
            if (i + 1 >= p.length()) {
                throw new IllegalArgumentException("bad escape (end of pattern)");
            }
            char d = p.charAt(i + 1);
            if (d == 'Z' && !inClass) {
                out.append("\\z");
                i += 2;
            } else if (d == 'v') {
                out.append("\\x0B");
                i += 2;
            } else if (d == 'b' && inClass) {
                out.append("\\x08");
                i += 2;
            } else if (d == 'U') {
                String hex = take(i + 2, 8);
                out.append("\\x{").append(hex).append('}');
                i += 10;
            } else if (d == 'N') {
                throw new IllegalArgumentException("\\N{...} named characters are not supported");
            } else if (d >= '0' && d <= '9') {
                digits(inClass);
            } else {
                out.append('\\').append(d);
                i += 2;
            }
        }

        /** Python: {@code \0}, {@code \0oo} and three-digit {@code \ooo} are octal; other digits refer to groups. */
        private void digits(boolean inClass) {
            int start = i + 1;
            int end = start;
            if (p.charAt(start) == '0') {
                end++;
                while (end < p.length() && end < start + 3 && isOctal(p.charAt(end))) {
                    end++;
                }
                octal(p.substring(start, end));
                i = end;
                return;
            }
            if (start + 3 <= p.length()
                    && isOctal(p.charAt(start)) && isOctal(p.charAt(start + 1)) && isOctal(p.charAt(start + 2))) {
                octal(p.substring(start, start + 3));
                i = start + 3;
                return;
            }
            if (inClass) {
                throw new IllegalArgumentException("bad escape \\" + p.charAt(start) + " in a character class");
            }
            end = start + 1;
            if (end < p.length() && Character.isDigit(p.charAt(end))) {
                end++;
            }
            String group = p.substring(start, end);
            boolean digitFollows = end < p.length() && Character.isDigit(p.charAt(end));
            out.append(digitFollows ? "(?:\\" + group + ")" : "\\" + group);
            i = end;
        }

        private void octal(String digits) {
            int value = Integer.parseInt(digits, 8);
            if (value > 0377) {
                throw new IllegalArgumentException("octal escape value \\" + digits + " outside of range 0-0o377");
            }
            out.append("\\x{").append(Integer.toHexString(value)).append('}');
        }

        private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        private String take(int from, int count) {
            if (from + count > p.length()) {
                throw new IllegalArgumentException("incomplete escape \\U");
            }
            return p.substring(from, from + count);
        }

        /** Python reads {@code [}, {@code &}, {@code ~} and {@code |} inside a set literally; Java does not. */
        private void characterClass() {
            out.append('[');
            i++;
            if (i < p.length() && p.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                out.append("\\]");
                i++;
            }
            while (i < p.length() && p.charAt(i) != ']') {
                char c = p.charAt(i);
                if (c == '\\') {
                    escape(true);
                } else if (c == '[' || c == '&') {
                    out.append('\\').append(c);
                    i++;
                } else {
                    out.append(c);
                    i++;
                }
            }
            if (i >= p.length()) {
                throw new IllegalArgumentException("unterminated character set");
            }
            out.append(']');
            i++;
        }

        private void group() {
            if (p.startsWith("(?P<", i)) {
                int close = p.indexOf('>', i);
                if (close < 0) {
                    throw new IllegalArgumentException("missing >, unterminated name");
                }
                String name = p.substring(i + 4, close);
                if (groupNames.containsKey(name)) {
                    throw new IllegalArgumentException("redefinition of group name '" + name + "'");
                }
                String javaName = "pyg" + (groupNames.size() + 1);
                groupNames.put(name, javaName);
                out.append("(?<").append(javaName).append('>');
                i = close + 1;
            } else if (p.startsWith("(?P=", i)) {
                int close = p.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("missing ), unterminated name");
                }
                String name = p.substring(i + 4, close);
                String javaName = groupNames.get(name);
                if (javaName == null) {
                    throw new IllegalArgumentException("unknown group name '" + name + "'");
                }
                out.append("\\k<").append(javaName).append('>');
                i = close + 1;
            } else if (p.startsWith("(?#", i)) {
                int close = p.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("missing ), unterminated comment");
                }
                i = close + 1;
            } else {
                out.append('(');
                i++;
            }
        }

        /** Python's parser: {@code {m}}, {@code {m,}}, {@code {,n}}, {@code {m,n}}, {@code {,}} repeat; all else is literal. */
        private void brace() {
            int j = i + 1;
            int loStart = j;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
            String lo = p.substring(loStart, j);
            boolean comma = j < p.length() && p.charAt(j) == ',';
            String hi = lo;
            if (comma) {
                j++;
                int hiStart = j;
                while (j < p.length() && Character.isDigit(p.charAt(j))) {
                    j++;
                }
                hi = p.substring(hiStart, j);
            }
            boolean closed = j < p.length() && p.charAt(j) == '}';
            if (!closed || (!comma && lo.isEmpty())) {
                out.append("\\{");
                i++;
                return;
            }
            out.append('{').append(lo.isEmpty() ? "0" : lo);
            if (comma) {
                out.append(',').append(hi);
            }
            out.append('}');
            i = j + 1;
        }
    }
}
