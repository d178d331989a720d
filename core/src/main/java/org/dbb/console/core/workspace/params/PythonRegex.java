package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} patterns (Python 3.11 rules, which fabric-cicd uses): whether {@code re.compile} accepts one,
 * with Python's error text, how many capturing groups it has, and the closest {@link Pattern} for previews. The
 * translation turns {@code (?P<name>...)} into {@code (?<name>...)}, {@code (?P=name)} into {@code \k<name>},
 * {@code \Z} into {@code \z} and says which constructs Java lacks (conditional groups). Stateless and thread-safe.
 */
public final class PythonRegex {

    /**
     * The outcome of compiling a pattern.
     *
     * @param pattern    the Python pattern
     * @param error      Python's {@code re.error} text when {@code re.compile} refuses the pattern
     * @param groups     the number of capturing groups ({@code pattern.groups})
     * @param groupNames named groups and their numbers
     * @param java       the equivalent Java pattern, when there is one
     * @param javaNotes  why there is no Java equivalent, or where it behaves differently
     */
    public record Compiled(String pattern, Optional<String> error, int groups, Map<String, Integer> groupNames,
                           Optional<Pattern> java, List<String> javaNotes) {

        public Compiled {
            groupNames = Map.copyOf(groupNames);
            javaNotes = List.copyOf(javaNotes);
        }

        public boolean valid() {
            return error.isEmpty();
        }
    }

    private static final long MAXREPEAT = 4294967295L;
    private static final long MAXWIDTH = Long.MAX_VALUE;
    private static final String DIGITS = "0123456789";
    private static final String OCTDIGITS = "01234567";
    private static final String HEXDIGITS = "0123456789abcdefABCDEF";
    private static final String FLAG_CHARS = "iLmsxatu";

    private PythonRegex() {
    }

    /** Compiles as {@code re.compile(pattern)} would. */
    public static Compiled compile(String pattern) {
        return compile(pattern, false);
    }

    /** Compiles as {@code re.compile(pattern, re.IGNORECASE if ignoreCase else 0)} would. */
    public static Compiled compile(String pattern, boolean ignoreCase) {
        Parser parser = new Parser(pattern);
        List<Node> tree;
        try {
            tree = parser.parse();
            parser.checkLookbehinds(tree);
        } catch (ReError e) {
            return new Compiled(pattern, Optional.of(e.getMessage()), 0, Map.of(), Optional.empty(), List.of());
        }
        int groups = parser.groupCount();
        List<String> notes = new ArrayList<>();
        Optional<Pattern> java = Optional.empty();
        try {
            JavaWriter writer = new JavaWriter(parser.groupNames, notes);
            String translated = writer.write(tree);
            if (notes.isEmpty()) {
                int flags = Pattern.UNIX_LINES;
                if ((parser.globalFlags & ASCII) == 0) {
                    flags |= Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE;
                }
                if (ignoreCase || (parser.globalFlags & IGNORECASE) != 0) {
                    flags |= Pattern.CASE_INSENSITIVE;
                }
                if ((parser.globalFlags & MULTILINE) != 0) {
                    flags |= Pattern.MULTILINE;
                }
                if ((parser.globalFlags & DOTALL) != 0) {
                    flags |= Pattern.DOTALL;
                }
                java = Optional.of(Pattern.compile(translated, flags));
            }
        } catch (PatternSyntaxException e) {
            notes.add("Java cannot compile the translation: " + e.getDescription());
        }
        return new Compiled(pattern, Optional.empty(), groups, parser.groupNames, java, notes);
    }

    // ------------------------------------------------------------------ parse tree

    private static final int IGNORECASE = 2;
    private static final int MULTILINE = 8;
    private static final int DOTALL = 16;
    private static final int VERBOSE = 64;
    private static final int ASCII = 256;
    private static final int UNICODE = 32;
    private static final int LOCALE = 4;
    private static final int TEMPLATE = 1;

    private static int flagOf(char c) {
        return switch (c) {
            case 'i' -> IGNORECASE;
            case 'L' -> LOCALE;
            case 'm' -> MULTILINE;
            case 's' -> DOTALL;
            case 'x' -> VERBOSE;
            case 'a' -> ASCII;
            case 't' -> TEMPLATE;
            case 'u' -> UNICODE;
            default -> 0;
        };
    }

    private sealed interface Node permits Literal, Any, In, At, Branch, Group, Repeat, GroupRef, Conditional,
            Assert, Atomic {
    }

    private record Literal(int cp) implements Node {
    }

    private record Any() implements Node {
    }

    /** A character set; items are Literal, Range or Category. */
    private record In(boolean negate, List<Object> items) implements Node {
    }

    private record Range(int lo, int hi) {
    }

    private record Category(char escape) {
    }

    private record At(String what) implements Node {
    }

    private record Branch(List<List<Node>> alternatives) implements Node {
    }

    private record Group(Integer id, String name, int addFlags, int delFlags, List<Node> body) implements Node {
    }

    private record Atomic(List<Node> body) implements Node {
    }

    private record Assert(boolean behind, boolean negative, List<Node> body) implements Node {
    }

    private record Repeat(long min, long max, char kind, List<Node> item) implements Node {
    }

    private record GroupRef(int id) implements Node {
    }

    private record Conditional(int id, List<Node> yes, List<Node> no) implements Node {
    }

    private static final class ReError extends Exception {
        private static final long serialVersionUID = 1L;

        ReError(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ parser (sre_parse semantics)

    private static final class Parser {
        private final String source;
        private final int[] cps;
        private int index;
        private String next;
        int globalFlags;
        final Map<String, Integer> groupNames = new LinkedHashMap<>();
        private final List<long[]> groupWidths = new ArrayList<>();
        private Integer lookbehindGroups;
        private final Map<Integer, Integer> groupRefPos = new LinkedHashMap<>();

        Parser(String source) {
            this.source = source;
            this.cps = source.codePoints().toArray();
            groupWidths.add(null);
        }

        int groupCount() {
            return groupWidths.size() - 1;
        }

        private int groups() {
            return groupWidths.size();
        }

        private void advance() throws ReError {
            if (index >= cps.length) {
                next = null;
                return;
            }
            String c = new String(cps, index, 1);
            if (c.equals("\\")) {
                if (index + 1 >= cps.length) {
                    throw error("bad escape (end of pattern)", cps.length - 1);
                }
                c += new String(cps, index + 1, 1);
                index += 2;
            } else {
                index += 1;
            }
            next = c;
        }

        private int tell() {
            return index - (next == null ? 0 : next.codePointCount(0, next.length()));
        }

        private boolean match(String c) throws ReError {
            if (c.equals(next)) {
                advance();
                return true;
            }
            return false;
        }

        private String get() throws ReError {
            String t = next;
            advance();
            return t;
        }

        private String getWhile(int n, String chars) throws ReError {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (next == null || next.length() != 1 || chars.indexOf(next.charAt(0)) < 0) {
                    break;
                }
                b.append(next);
                advance();
            }
            return b.toString();
        }

        private String getUntil(String terminator, String name) throws ReError {
            StringBuilder b = new StringBuilder();
            while (true) {
                String c = next;
                advance();
                if (c == null) {
                    if (b.length() == 0) {
                        throw error("missing " + name, tell());
                    }
                    throw error("missing " + terminator + ", unterminated name", tell() - len(b));
                }
                if (c.equals(terminator)) {
                    if (b.length() == 0) {
                        throw error("missing " + name, tell() - 1);
                    }
                    break;
                }
                b.append(c);
            }
            return b.toString();
        }

        private static int len(CharSequence s) {
            return s.toString().codePointCount(0, s.length());
        }

        private ReError error(String msg, int pos) {
            StringBuilder b = new StringBuilder(msg).append(" at position ").append(pos);
            if (source.indexOf('\n') >= 0) {
                int line = 1;
                int lastNewline = -1;
                for (int i = 0; i < pos && i < cps.length; i++) {
                    if (cps[i] == '\n') {
                        line++;
                        lastNewline = i;
                    }
                }
                b.append(" (line ").append(line).append(", column ").append(pos - lastNewline).append(')');
            }
            return new ReError(b.toString());
        }

        private ReError errorHere(String msg, int offset) {
            return error(msg, tell() - offset);
        }

        private void checkGroupName(String name, int offset) throws ReError {
            if (!isIdentifier(name)) {
                throw errorHere("bad character in group name " + PyValues.reprString(name), len(name) + offset);
            }
        }

        private static boolean isIdentifier(String name) {
            if (name.isEmpty()) {
                return false;
            }
            int[] c = name.codePoints().toArray();
            if (!(Character.isUnicodeIdentifierStart(c[0]) || c[0] == '_')) {
                return false;
            }
            for (int i = 1; i < c.length; i++) {
                if (!Character.isUnicodeIdentifierPart(c[i]) || Character.isIdentifierIgnorable(c[i])) {
                    return false;
                }
            }
            return true;
        }

        private boolean checkGroup(int gid) {
            return gid < groups() && groupWidths.get(gid) != null;
        }

        private void checkLookbehindGroup(int gid) throws ReError {
            if (lookbehindGroups != null) {
                if (!checkGroup(gid)) {
                    throw errorHere("cannot refer to an open group", 0);
                }
                if (gid >= lookbehindGroups) {
                    throw errorHere("cannot refer to group defined in the same lookbehind subpattern", 0);
                }
            }
        }

        List<Node> parse() throws ReError {
            advance();
            List<Node> p = parseSub(false, 0);
            if ((globalFlags & LOCALE) != 0) {
                throw new ReError("cannot use LOCALE flag with a str pattern");
            }
            if ((globalFlags & ASCII) != 0 && (globalFlags & UNICODE) != 0) {
                throw new ReError("ASCII and UNICODE flags are incompatible");
            }
            if (next != null) {
                throw errorHere("unbalanced parenthesis", 0);
            }
            for (Map.Entry<Integer, Integer> e : groupRefPos.entrySet()) {
                if (e.getKey() >= groups()) {
                    throw error("invalid group reference " + e.getKey(), e.getValue());
                }
            }
            return p;
        }

        private List<Node> parseSub(boolean verbose, int nested) throws ReError {
            List<List<Node>> items = new ArrayList<>();
            while (true) {
                items.add(parseSeq(verbose, nested + 1, nested == 0 && items.isEmpty()));
                if (!match("|")) {
                    break;
                }
                if (nested == 0) {
                    verbose = (globalFlags & VERBOSE) != 0;
                }
            }
            if (items.size() == 1) {
                return items.get(0);
            }
            List<Node> out = new ArrayList<>();
            out.add(new Branch(items));
            return out;
        }

        private List<Node> parseSeq(boolean verbose, int nested, boolean first) throws ReError {
            List<Node> sub = new ArrayList<>();
            while (true) {
                String thisTok = next;
                if (thisTok == null || thisTok.equals("|") || thisTok.equals(")")) {
                    break;
                }
                advance();
                if (verbose) {
                    if (thisTok.length() == 1 && " \t\n\r\u000b\f".indexOf(thisTok.charAt(0)) >= 0) {
                        continue;
                    }
                    if (thisTok.equals("#")) {
                        while (true) {
                            String t = get();
                            if (t == null || t.equals("\n")) {
                                break;
                            }
                        }
                        continue;
                    }
                }
                if (thisTok.startsWith("\\")) {
                    sub.add(escape(thisTok));
                } else if (!".\\[{()*+?^$|".contains(thisTok)) {
                    sub.add(new Literal(thisTok.codePointAt(0)));
                } else if (thisTok.equals("[")) {
                    sub.add(characterSet());
                } else if ("*+?{".contains(thisTok)) {
                    if (!repeat(thisTok, sub)) {
                        continue;
                    }
                } else if (thisTok.equals(".")) {
                    sub.add(new Any());
                } else if (thisTok.equals("(")) {
                    Node group = group(verbose, nested, first, sub);
                    if (group != null) {
                        sub.add(group);
                    } else if ((globalFlags & VERBOSE) != 0) {
                        verbose = true;
                    }
                } else if (thisTok.equals("^")) {
                    sub.add(new At("^"));
                } else if (thisTok.equals("$")) {
                    sub.add(new At("$"));
                }
            }
            List<Node> unpacked = new ArrayList<>();
            for (Node n : sub) {
                if (n instanceof Group g && g.id() == null && g.addFlags() == 0 && g.delFlags() == 0) {
                    unpacked.addAll(g.body());
                } else {
                    unpacked.add(n);
                }
            }
            return unpacked;
        }

        private boolean repeat(String thisTok, List<Node> sub) throws ReError {
            int here = tell();
            long min;
            long max;
            switch (thisTok) {
                case "?" -> {
                    min = 0;
                    max = 1;
                }
                case "*" -> {
                    min = 0;
                    max = MAXREPEAT;
                }
                case "+" -> {
                    min = 1;
                    max = MAXREPEAT;
                }
                default -> {
                    if ("}".equals(next)) {
                        sub.add(new Literal('{'));
                        return false;
                    }
                    min = 0;
                    max = MAXREPEAT;
                    StringBuilder lo = new StringBuilder();
                    StringBuilder hi = new StringBuilder();
                    while (next != null && next.length() == 1 && DIGITS.contains(next)) {
                        lo.append(get());
                    }
                    if (match(",")) {
                        while (next != null && next.length() == 1 && DIGITS.contains(next)) {
                            hi.append(get());
                        }
                    } else {
                        hi.append(lo);
                    }
                    if (!match("}")) {
                        sub.add(new Literal('{'));
                        index = here;
                        advance();
                        return false;
                    }
                    if (lo.length() > 0) {
                        min = bounded(lo.toString());
                    }
                    if (hi.length() > 0) {
                        max = bounded(hi.toString());
                        if (max < min) {
                            throw errorHere("min repeat greater than max repeat", tell() - here);
                        }
                    }
                }
            }
            Node item = sub.isEmpty() ? null : sub.get(sub.size() - 1);
            if (item == null || item instanceof At) {
                throw errorHere("nothing to repeat", tell() - here + 1);
            }
            if (item instanceof Repeat) {
                throw errorHere("multiple repeat", tell() - here + 1);
            }
            List<Node> body = item instanceof Group g && g.id() == null && g.addFlags() == 0 && g.delFlags() == 0
                    ? g.body() : List.of(item);
            char kind = match("?") ? '?' : match("+") ? '+' : ' ';
            sub.set(sub.size() - 1, new Repeat(min, max, kind, body));
            return true;
        }

        private long bounded(String digits) throws ReError {
            if (digits.length() > 11 || Long.parseLong(digits) >= MAXREPEAT) {
                throw new ReError("the repetition number is too large");
            }
            return Long.parseLong(digits);
        }

        private Node characterSet() throws ReError {
            int here = tell() - 1;
            List<Object> set = new ArrayList<>();
            boolean negate = match("^");
            while (true) {
                String thisTok = get();
                if (thisTok == null) {
                    throw errorHere("unterminated character set", tell() - here);
                }
                if (thisTok.equals("]") && !set.isEmpty()) {
                    break;
                }
                Object code1 = thisTok.startsWith("\\") ? classEscape(thisTok) : new Literal(thisTok.codePointAt(0));
                if (match("-")) {
                    String that = get();
                    if (that == null) {
                        throw errorHere("unterminated character set", tell() - here);
                    }
                    if (that.equals("]")) {
                        set.add(code1);
                        set.add(new Literal('-'));
                        break;
                    }
                    Object code2 = that.startsWith("\\") ? classEscape(that) : new Literal(that.codePointAt(0));
                    if (!(code1 instanceof Literal l1) || !(code2 instanceof Literal l2) || l2.cp() < l1.cp()) {
                        throw errorHere("bad character range " + thisTok + "-" + that,
                                len(thisTok) + 1 + len(that));
                    }
                    set.add(new Range(l1.cp(), l2.cp()));
                } else {
                    set.add(code1);
                }
            }
            return new In(negate, set);
        }

        /** The escapes that mean the same inside and outside a character class ({@code \\b} does not). */
        private static Literal controlEscape(char c) {
            return switch (c) {
                case 'a' -> new Literal(7);
                case 'f' -> new Literal(12);
                case 'n' -> new Literal(10);
                case 'r' -> new Literal(13);
                case 't' -> new Literal(9);
                case 'v' -> new Literal(11);
                default -> new Literal('\\');
            };
        }

        private Object classEscape(String escape) throws ReError {
            char c = escape.charAt(1);
            switch (c) {
                case 'b':
                    return new Literal(8);
                case 'a', 'f', 'n', 'r', 't', 'v', '\\':
                    return controlEscape(c);
                case 'd', 'D', 's', 'S', 'w', 'W':
                    return new Category(c);
                default:
                    break;
            }
            Optional<Literal> numeric = numericEscape(escape, true);
            if (numeric.isPresent()) {
                return numeric.get();
            }
            if (c >= '0' && c <= '9') {
                throw errorHere("bad escape " + escape, len(escape));
            }
            if (isAsciiLetter(escape.codePointAt(1))) {
                throw errorHere("bad escape " + escape, len(escape));
            }
            return new Literal(escape.codePointAt(1));
        }

        /** Hex, unicode, named and (in classes) octal escapes; empty when the escape is something else. */
        private Optional<Literal> numericEscape(String escape, boolean inClass) throws ReError {
            char c = escape.charAt(1);
            String e = escape;
            switch (c) {
                case 'x' -> {
                    e += getWhile(2, HEXDIGITS);
                    if (len(e) != 4) {
                        throw errorHere("incomplete escape " + e, len(e));
                    }
                    return Optional.of(new Literal(Integer.parseInt(e.substring(2), 16)));
                }
                case 'u' -> {
                    e += getWhile(4, HEXDIGITS);
                    if (len(e) != 6) {
                        throw errorHere("incomplete escape " + e, len(e));
                    }
                    return Optional.of(new Literal(Integer.parseInt(e.substring(2), 16)));
                }
                case 'U' -> {
                    e += getWhile(8, HEXDIGITS);
                    if (len(e) != 10) {
                        throw errorHere("incomplete escape " + e, len(e));
                    }
                    long v = Long.parseLong(e.substring(2), 16);
                    if (v > 0x10FFFF) {
                        throw errorHere("bad escape " + e, len(e));
                    }
                    return Optional.of(new Literal((int) v));
                }
                case 'N' -> {
                    if (!match("{")) {
                        throw errorHere("missing {", 0);
                    }
                    String name = getUntil("}", "character name");
                    try {
                        return Optional.of(new Literal(Character.codePointOf(name)));
                    } catch (IllegalArgumentException ex) {
                        throw errorHere("undefined character name " + PyValues.reprString(name), len(name) + 4);
                    }
                }
                default -> {
                    if (inClass && OCTDIGITS.indexOf(c) >= 0) {
                        e += getWhile(2, OCTDIGITS);
                        int v = Integer.parseInt(e.substring(1), 8);
                        if (v > 0377) {
                            throw errorHere("octal escape value " + e + " outside of range 0-0o377", len(e));
                        }
                        return Optional.of(new Literal(v));
                    }
                    return Optional.empty();
                }
            }
        }

        private static boolean isAsciiLetter(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private Node escape(String escape) throws ReError {
            char c = escape.charAt(1);
            switch (c) {
                case 'A':
                    return new At("\\A");
                case 'Z':
                    return new At("\\Z");
                case 'b':
                    return new At("\\b");
                case 'B':
                    return new At("\\B");
                case 'd', 'D', 's', 'S', 'w', 'W':
                    return new In(false, List.of(new Category(c)));
                case 'a', 'f', 'n', 'r', 't', 'v', '\\':
                    return controlEscape(c);
                default:
                    break;
            }
            if (c == 'x' || c == 'u' || c == 'U' || c == 'N') {
                return numericEscape(escape, false).orElseThrow();
            }
            String e = escape;
            if (c == '0') {
                e += getWhile(2, OCTDIGITS);
                return new Literal(Integer.parseInt(e.substring(1), 8));
            }
            if (c >= '1' && c <= '9') {
                if (next != null && next.length() == 1 && DIGITS.contains(next)) {
                    e += get();
                    if (OCTDIGITS.indexOf(e.charAt(1)) >= 0 && OCTDIGITS.indexOf(e.charAt(2)) >= 0
                            && next != null && next.length() == 1 && OCTDIGITS.contains(next)) {
                        e += get();
                        int v = Integer.parseInt(e.substring(1), 8);
                        if (v > 0377) {
                            throw errorHere("octal escape value " + e + " outside of range 0-0o377", len(e));
                        }
                        return new Literal(v);
                    }
                }
                int group = Integer.parseInt(e.substring(1));
                if (group < groups()) {
                    if (!checkGroup(group)) {
                        throw errorHere("cannot refer to an open group", len(e));
                    }
                    checkLookbehindGroup(group);
                    return new GroupRef(group);
                }
                throw errorHere("invalid group reference " + group, len(e) - 1);
            }
            if (isAsciiLetter(escape.codePointAt(1))) {
                throw errorHere("bad escape " + escape, len(escape));
            }
            return new Literal(escape.codePointAt(1));
        }

        private Node group(boolean verbose, int nested, boolean first, List<Node> sub) throws ReError {
            int start = tell() - 1;
            boolean capture = true;
            boolean atomic = false;
            String name = null;
            int addFlags = 0;
            int delFlags = 0;
            if (match("?")) {
                String ch = get();
                if (ch == null) {
                    throw errorHere("unexpected end of pattern", 0);
                }
                switch (ch) {
                    case "P" -> {
                        if (match("<")) {
                            name = getUntil(">", "group name");
                            checkGroupName(name, 1);
                        } else if (match("=")) {
                            String ref = getUntil(")", "group name");
                            checkGroupName(ref, 1);
                            Integer gid = groupNames.get(ref);
                            if (gid == null) {
                                throw errorHere("unknown group name " + PyValues.reprString(ref), len(ref) + 1);
                            }
                            if (!checkGroup(gid)) {
                                throw errorHere("cannot refer to an open group", len(ref) + 1);
                            }
                            checkLookbehindGroup(gid);
                            return new GroupRef(gid);
                        } else {
                            String c2 = get();
                            if (c2 == null) {
                                throw errorHere("unexpected end of pattern", 0);
                            }
                            throw errorHere("unknown extension ?P" + c2, len(c2) + 2);
                        }
                    }
                    case ":" -> capture = false;
                    case "#" -> {
                        while (true) {
                            if (next == null) {
                                throw errorHere("missing ), unterminated comment", tell() - start);
                            }
                            if (get().equals(")")) {
                                break;
                            }
                        }
                        return null;
                    }
                    case "=", "!", "<" -> {
                        boolean behind = false;
                        String kind = ch;
                        Integer saved = lookbehindGroups;
                        if (ch.equals("<")) {
                            kind = get();
                            if (kind == null) {
                                throw errorHere("unexpected end of pattern", 0);
                            }
                            if (!kind.equals("=") && !kind.equals("!")) {
                                throw errorHere("unknown extension ?<" + kind, len(kind) + 2);
                            }
                            behind = true;
                            if (lookbehindGroups == null) {
                                lookbehindGroups = groups();
                            }
                        }
                        List<Node> p = parseSub(verbose, nested + 1);
                        if (behind && saved == null) {
                            lookbehindGroups = null;
                        }
                        if (!match(")")) {
                            throw errorHere("missing ), unterminated subpattern", tell() - start);
                        }
                        return new Assert(behind, kind.equals("!"), p);
                    }
                    case "(" -> {
                        return conditional(verbose, nested, start);
                    }
                    case ">" -> {
                        capture = false;
                        atomic = true;
                    }
                    default -> {
                        if (FLAG_CHARS.contains(ch) || ch.equals("-")) {
                            int[] flags = parseFlags(ch);
                            if (flags == null) {
                                if (!first || !sub.isEmpty()) {
                                    throw errorHere("global flags not at the start of the expression",
                                            tell() - start);
                                }
                                return null;
                            }
                            addFlags = flags[0];
                            delFlags = flags[1];
                            capture = false;
                        } else {
                            throw errorHere("unknown extension ?" + ch, len(ch) + 1);
                        }
                    }
                }
            }
            Integer gid = null;
            if (capture) {
                gid = groups();
                groupWidths.add(null);
                if (name != null) {
                    Integer old = groupNames.get(name);
                    if (old != null) {
                        throw errorHere("redefinition of group name " + PyValues.reprString(name) + " as group "
                                + gid + "; was group " + old, len(name) + 1);
                    }
                    groupNames.put(name, gid);
                }
            }
            boolean subVerbose = (verbose || (addFlags & VERBOSE) != 0) && (delFlags & VERBOSE) == 0;
            List<Node> p = parseSub(subVerbose, nested + 1);
            if (!match(")")) {
                throw errorHere("missing ), unterminated subpattern", tell() - start);
            }
            if (gid != null) {
                groupWidths.set(gid, width(p));
            }
            if (atomic) {
                return new Atomic(p);
            }
            return new Group(gid, name, addFlags, delFlags, p);
        }

        private Node conditional(boolean verbose, int nested, int start) throws ReError {
            String condName = getUntil(")", "group name");
            int condGroup;
            if (isIdentifier(condName)) {
                Integer gid = groupNames.get(condName);
                if (gid == null) {
                    throw errorHere("unknown group name " + PyValues.reprString(condName), len(condName) + 1);
                }
                condGroup = gid;
            } else {
                try {
                    condGroup = Integer.parseInt(condName.strip());
                    if (condGroup < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw errorHere("bad character in group name " + PyValues.reprString(condName),
                            len(condName) + 1);
                }
                if (condGroup == 0) {
                    throw errorHere("bad group number", len(condName) + 1);
                }
                if (condGroup >= 100) {
                    groupRefPos.putIfAbsent(condGroup, tell() - len(condName) - 1);
                } else {
                    groupRefPos.putIfAbsent(condGroup, tell() - len(condName) - 1);
                }
            }
            checkLookbehindGroup(condGroup);
            List<Node> yes = parseSeq(verbose, nested + 1, false);
            List<Node> no = null;
            if (match("|")) {
                no = parseSeq(verbose, nested + 1, false);
                if ("|".equals(next)) {
                    throw errorHere("conditional backref with more than two branches", 0);
                }
            }
            if (!match(")")) {
                throw errorHere("missing ), unterminated subpattern", tell() - start);
            }
            return new Conditional(condGroup, yes, no);
        }

        /** Returns {add, del}, or null for global flags {@code (?imsx)}. */
        private int[] parseFlags(String first) throws ReError {
            int add = 0;
            int del = 0;
            String ch = first;
            if (!ch.equals("-")) {
                while (true) {
                    int flag = flagOf(ch.charAt(0));
                    if (ch.equals("L")) {
                        throw errorHere("bad inline flags: cannot use 'L' flag with a str pattern", 0);
                    }
                    add |= flag;
                    int type = add & (ASCII | LOCALE | UNICODE);
                    if ((flag & (ASCII | LOCALE | UNICODE)) != 0 && type != flag) {
                        throw errorHere("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0);
                    }
                    ch = get();
                    if (ch == null) {
                        throw errorHere("missing -, : or )", 0);
                    }
                    if (")-:".contains(ch)) {
                        break;
                    }
                    if (!FLAG_CHARS.contains(ch)) {
                        throw errorHere(Character.isLetter(ch.codePointAt(0)) ? "unknown flag" : "missing -, : or )",
                                len(ch));
                    }
                }
            }
            if (ch.equals(")")) {
                globalFlags |= add;
                return null;
            }
            if ((add & TEMPLATE) != 0) {
                throw errorHere("bad inline flags: cannot turn on global flag", 1);
            }
            if (ch.equals("-")) {
                ch = get();
                if (ch == null) {
                    throw errorHere("missing flag", 0);
                }
                if (!FLAG_CHARS.contains(ch)) {
                    throw errorHere(Character.isLetter(ch.codePointAt(0)) ? "unknown flag" : "missing flag", len(ch));
                }
                while (true) {
                    int flag = flagOf(ch.charAt(0));
                    if ((flag & (ASCII | LOCALE | UNICODE)) != 0) {
                        throw errorHere("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0);
                    }
                    del |= flag;
                    ch = get();
                    if (ch == null) {
                        throw errorHere("missing :", 0);
                    }
                    if (ch.equals(":")) {
                        break;
                    }
                    if (!FLAG_CHARS.contains(ch)) {
                        throw errorHere(Character.isLetter(ch.codePointAt(0)) ? "unknown flag" : "missing :", len(ch));
                    }
                }
            }
            if ((del & TEMPLATE) != 0) {
                throw errorHere("bad inline flags: cannot turn off global flag", 1);
            }
            if ((add & del) != 0) {
                throw errorHere("bad inline flags: flag turned on and off", 1);
            }
            return new int[] {add, del};
        }

        private long[] width(List<Node> seq) {
            long lo = 0;
            long hi = 0;
            for (Node n : seq) {
                long[] w = width(n);
                lo = sat(lo, w[0]);
                hi = sat(hi, w[1]);
            }
            return new long[] {lo, hi};
        }

        private long[] width(Node n) {
            if (n instanceof Literal || n instanceof Any || n instanceof In) {
                return new long[] {1, 1};
            }
            if (n instanceof Branch b) {
                long lo = MAXWIDTH;
                long hi = 0;
                for (List<Node> alt : b.alternatives()) {
                    long[] w = width(alt);
                    lo = Math.min(lo, w[0]);
                    hi = Math.max(hi, w[1]);
                }
                return new long[] {lo, hi};
            }
            if (n instanceof Group g) {
                return width(g.body());
            }
            if (n instanceof Atomic a) {
                return width(a.body());
            }
            if (n instanceof Repeat r) {
                long[] w = width(r.item());
                long lo = mul(w[0], r.min());
                long hi = r.max() == MAXREPEAT && w[1] > 0 ? MAXWIDTH : mul(w[1], r.max());
                return new long[] {lo, hi};
            }
            if (n instanceof GroupRef ref) {
                long[] w = groupWidths.get(ref.id());
                return w == null ? new long[] {0, 0} : w;
            }
            if (n instanceof Conditional c) {
                long[] yes = width(c.yes());
                if (c.no() != null) {
                    long[] no = width(c.no());
                    return new long[] {Math.min(yes[0], no[0]), Math.max(yes[1], no[1])};
                }
                return new long[] {0, yes[1]};
            }
            return new long[] {0, 0};
        }

        private static long sat(long a, long b) {
            long s = a + b;
            return s < 0 ? MAXWIDTH : s;
        }

        private static long mul(long a, long b) {
            if (a == 0 || b == 0) {
                return 0;
            }
            return a > MAXWIDTH / b ? MAXWIDTH : a * b;
        }

        /** The compile-time rule: a look-behind must match a fixed width. */
        void checkLookbehinds(List<Node> seq) throws ReError {
            for (Node n : seq) {
                if (n instanceof Assert a) {
                    if (a.behind()) {
                        long[] w = width(a.body());
                        if (w[0] > 0xFFFFFFFFL) {
                            throw new ReError("looks too much behind");
                        }
                        if (w[0] != w[1]) {
                            throw new ReError("look-behind requires fixed-width pattern");
                        }
                    }
                    checkLookbehinds(a.body());
                } else if (n instanceof Branch b) {
                    for (List<Node> alt : b.alternatives()) {
                        checkLookbehinds(alt);
                    }
                } else if (n instanceof Group g) {
                    checkLookbehinds(g.body());
                } else if (n instanceof Atomic a) {
                    checkLookbehinds(a.body());
                } else if (n instanceof Repeat r) {
                    checkLookbehinds(r.item());
                } else if (n instanceof Conditional c) {
                    checkLookbehinds(c.yes());
                    if (c.no() != null) {
                        checkLookbehinds(c.no());
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ Java translation

    private static final class JavaWriter {
        private final Map<String, Integer> names;
        private final List<String> notes;

        JavaWriter(Map<String, Integer> names, List<String> notes) {
            this.names = names;
            this.notes = notes;
        }

        String write(List<Node> seq) {
            StringBuilder b = new StringBuilder();
            seq.forEach(n -> write(n, b));
            return b.toString();
        }

        private static boolean javaName(String name) {
            return name != null && name.matches("[a-zA-Z][a-zA-Z0-9]*");
        }

        private void write(Node n, StringBuilder b) {
            if (n instanceof Literal l) {
                literal(l.cp(), b, false);
            } else if (n instanceof Any) {
                b.append('.');
            } else if (n instanceof In in) {
                b.append('[');
                if (in.negate()) {
                    b.append('^');
                }
                for (Object item : in.items()) {
                    if (item instanceof Literal l) {
                        literal(l.cp(), b, true);
                    } else if (item instanceof Range r) {
                        literal(r.lo(), b, true);
                        b.append('-');
                        literal(r.hi(), b, true);
                    } else {
                        b.append('\\').append(((Category) item).escape());
                    }
                }
                b.append(']');
            } else if (n instanceof At at) {
                b.append(at.what().equals("\\Z") ? "\\z" : at.what());
            } else if (n instanceof Branch br) {
                b.append("(?:");
                for (int i = 0; i < br.alternatives().size(); i++) {
                    if (i > 0) {
                        b.append('|');
                    }
                    b.append(write(br.alternatives().get(i)));
                }
                b.append(')');
            } else if (n instanceof Group g) {
                if (g.id() != null) {
                    b.append(javaName(g.name()) ? "(?<" + g.name() + ">" : "(");
                } else {
                    b.append("(?").append(flags(g.addFlags()));
                    if (g.delFlags() != 0) {
                        b.append('-').append(flags(g.delFlags()));
                    }
                    b.append(':');
                }
                b.append(write(g.body())).append(')');
            } else if (n instanceof Atomic a) {
                b.append("(?>").append(write(a.body())).append(')');
            } else if (n instanceof Assert a) {
                b.append(a.behind() ? "(?<" : "(?").append(a.negative() ? '!' : '=').append(write(a.body()))
                        .append(')');
            } else if (n instanceof Repeat r) {
                b.append("(?:").append(write(r.item())).append(')');
                if (r.min() == 0 && r.max() == MAXREPEAT) {
                    b.append('*');
                } else if (r.min() == 1 && r.max() == MAXREPEAT) {
                    b.append('+');
                } else if (r.min() == 0 && r.max() == 1) {
                    b.append('?');
                } else if (r.max() == MAXREPEAT) {
                    b.append('{').append(r.min()).append(",}");
                } else if (r.min() == r.max()) {
                    b.append('{').append(r.min()).append('}');
                } else {
                    b.append('{').append(r.min()).append(',').append(r.max()).append('}');
                }
                if (r.kind() != ' ') {
                    b.append(r.kind());
                }
            } else if (n instanceof GroupRef ref) {
                String name = names.entrySet().stream().filter(e -> e.getValue() == ref.id()).map(Map.Entry::getKey)
                        .filter(JavaWriter::javaName).findFirst().orElse(null);
                b.append(name != null ? "\\k<" + name + ">" : "(?:\\" + ref.id() + ")");
            } else if (n instanceof Conditional) {
                notes.add("conditional groups (?(id)yes|no) have no Java equivalent");
            }
        }

        private static String flags(int f) {
            StringBuilder b = new StringBuilder();
            if ((f & IGNORECASE) != 0) {
                b.append("iu");
            }
            if ((f & MULTILINE) != 0) {
                b.append('m');
            }
            if ((f & DOTALL) != 0) {
                b.append('s');
            }
            if ((f & UNICODE) != 0) {
                b.append('U');
            }
            return b.toString();
        }

        private static void literal(int cp, StringBuilder b, boolean inClass) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
                b.append((char) cp);
            } else if (cp < 0x80 && cp >= 0x20 && cp != 0x7f) {
                b.append('\\').append((char) cp);
            } else {
                b.append("\\x{").append(Integer.toHexString(cp)).append('}');
            }
        }
    }
}
