package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/**
 * Whether a {@code find_key} parses with {@code jsonpath_ng.ext.parse}, the parser fabric-cicd 1.3.0 uses, with
 * jsonpath_ng's error text. Its lexer and grammar are reproduced (including quirks such as {@code $.trueValue}
 * failing because {@code true} lexes as a boolean), because Jayway JsonPath accepts a different language: it
 * rejects jsonpath_ng's {@code &} filters and accepts {@code &&}, functions and unicode names that jsonpath_ng
 * refuses. Jayway is used only to evaluate paths. Immutable and thread-safe.
 */
public final class JsonPathSyntax {

    private static final Pattern BOOL = Pattern.compile("true|false");
    private static final Pattern SORT = Pattern.compile(",?\\s*(/|\\\\)");
    private static final Pattern ID = Pattern.compile("@?[a-zA-Z_][a-zA-Z0-9_@\\-]*");
    private static final Pattern FLOAT = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern FILTER_OP = Pattern.compile("=~|==?|<=|>=|!=|<|>");
    private static final String LITERALS = "*.[]()$,:|&~?@+*/-";

    private static final Pattern SUB = Pattern.compile("sub\\(/(.*)/,\\s+(.*)\\)");
    private static final Pattern SPLIT = Pattern.compile("split(?:\\s+)?\\((?:\\s+)?(?<quote>(?:(?:'|\"))?)(.+)"
            + "\\k<quote>(?:\\s+)?,(?:\\s+)?((?:(?:\\-)?\\d+|\\*))(?:\\s+)?,(?:\\s+)?((?:\\-)?\\d+)(?:\\s+)?\\)");
    private static final Pattern STR = Pattern.compile("str\\(\\)");

    /** The parser's tables, built once per process on first use: building them takes a moment at start-up. */
    private static final class Tables {
        static final JsonPathNgParser PARSER = new JsonPathNgParser();
    }

    /** A checker; cheap, as every instance shares the parser tables, built on the first {@link #check}. */
    public JsonPathSyntax() {
    }

    /**
     * The error {@code jsonpath_ng.ext.parse(path)} raises, or empty when it parses.
     *
     * @param path the find_key as written
     */
    public Optional<String> check(String path) {
        List<JsonPathNgParser.Token> tokens = new ArrayList<>();
        String lexerError = null;
        try {
            tokenize(path, tokens);
        } catch (IllegalArgumentException e) {
            lexerError = e.getMessage();
        }
        String pendingError = lexerError;
        Iterator<JsonPathNgParser.Token> it = tokens.iterator();
        try {
            // jsonpath_ng lexes lazily: a bad character only matters once the parser asks for that token.
            Tables.PARSER.parse(() -> {
                if (it.hasNext()) {
                    return it.next();
                }
                if (pendingError != null) {
                    throw new LexerFailure(pendingError);
                }
                return null;
            }, (lhs, covered) -> {
                if (lhs.equals("jsonpath") && covered.size() == 1 && covered.get(0).type().equals("NAMED_OPERATOR")) {
                    Optional<String> bad = namedOperatorError(covered.get(0));
                    if (bad.isPresent()) {
                        throw new JsonPathNgParser.ParseError(bad.get());
                    }
                }
            });
            return Optional.empty();
        } catch (JsonPathNgParser.ParseError e) {
            return Optional.of(e.getMessage());
        } catch (LexerFailure e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The lexer's error surfacing through the parser's token supply. */
    private static final class LexerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LexerFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether Jayway JsonPath compiles the path too (it is what the console evaluates paths with). */
    public static boolean jaywayCompiles(String path) {
        try {
            JsonPath.compile(path);
            return true;
        } catch (InvalidPathException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String lexerErrorText(String path) {
        try {
            tokenize(path, new ArrayList<>());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void tokenize(String text, List<JsonPathNgParser.Token> out) {
        int pos = 0;
        int line = 1;
        int latestNewline = 0;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
                continue;
            }
            int col = pos - latestNewline;
            String rest = text.substring(pos);
            Matcher m;
            if ((m = BOOL.matcher(rest)).lookingAt()) {
                out.add(new JsonPathNgParser.Token("BOOL", m.group().equals("true") ? "True" : "False", line, col));
            } else if ((m = SORT.matcher(rest)).lookingAt()) {
                out.add(new JsonPathNgParser.Token("SORT_DIRECTION", m.group(1), line, col));
            } else if ((m = ID.matcher(rest)).lookingAt()) {
                String v = m.group();
                String type = v.equals("where") ? "WHERE" : v.equals("wherenot") ? "WHERENOT" : "ID";
                out.add(new JsonPathNgParser.Token(type, v, line, col));
            } else if ((m = FLOAT.matcher(rest)).lookingAt()) {
                String shown = PyValues.floatRepr(Double.parseDouble(m.group()));
                out.add(new JsonPathNgParser.Token("FLOAT", shown, line, col));
            } else if ((m = NUMBER.matcher(rest)).lookingAt()) {
                String shown = new java.math.BigInteger(m.group()).toString();
                out.add(new JsonPathNgParser.Token("NUMBER", shown, line, col));
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = pos + 1;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (end >= n) {
                        throw new IllegalArgumentException("Unexpected EOF in string literal or identifier");
                    }
                    char d = text.charAt(end);
                    if (d == c) {
                        break;
                    }
                    if (d == '\\') {
                        if (end + 1 >= n || text.charAt(end + 1) == '\n') {
                            String kind = c == '\'' ? "singlequoted field" : c == '"' ? "doublequoted field"
                                    : "backquoted operator";
                            throw new IllegalArgumentException("Error on line " + line + ", col "
                                    + (end - latestNewline) + " while lexing " + kind + ": Unexpected character: \\ ");
                        }
                        value.append(text.charAt(end + 1));
                        end += 2;
                        continue;
                    }
                    value.append(d);
                    end++;
                }
                // ply reports a quoted token at its closing quote.
                String type = c == '`' ? "NAMED_OPERATOR" : "ID";
                out.add(new JsonPathNgParser.Token(type, value.toString(), line, end - latestNewline));
                pos = end + 1;
                continue;
            } else if (c == '\n') {
                line++;
                latestNewline = pos;
                pos++;
                continue;
            } else if ((m = FILTER_OP.matcher(rest)).lookingAt()) {
                out.add(new JsonPathNgParser.Token("FILTER_OP", m.group(), line, col));
            } else if (rest.startsWith("..")) {
                out.add(new JsonPathNgParser.Token("DOUBLEDOT", "..", line, col));
                m = null;
                pos += 2;
                continue;
            } else if (LITERALS.indexOf(c) >= 0) {
                out.add(new JsonPathNgParser.Token(String.valueOf(c), String.valueOf(c), line, col));
                pos++;
                continue;
            } else {
                throw new IllegalArgumentException("Error on line " + line + ", col " + col
                        + ": Unexpected character: " + new String(Character.toChars(text.codePointAt(pos))) + " ");
            }
            pos += m.group().length();
        }
    }

    private static Optional<String> namedOperatorError(JsonPathNgParser.Token t) {
        String op = t.value();
        if (List.of("len", "keys", "path", "sorted", "this", "parent").contains(op)) {
            return Optional.empty();
        }
        if (op.startsWith("split(")) {
            return SPLIT.matcher(op).lookingAt() ? Optional.empty() : Optional.of(op + " is not valid");
        }
        if (op.startsWith("sub(")) {
            Matcher m = SUB.matcher(op);
            if (!m.lookingAt()) {
                return Optional.of(op + " is not valid");
            }
            return PythonRegex.compile(m.group(1)).error();
        }
        if (op.startsWith("str(")) {
            return STR.matcher(op).lookingAt() ? Optional.empty() : Optional.of(op + " is not valid");
        }
        return Optional.of("Unknown named operator `" + op + "` at " + t.line() + ":" + t.col());
    }
}
