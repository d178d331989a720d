package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/**
 * Whether a {@code find_key} parses with {@code jsonpath_ng.ext.parse}, the parser fabric-cicd 1.3.0 uses, with
 * jsonpath_ng's error text. Its lexer and grammar are reproduced (including quirks such as {@code $.trueValue}
 * failing because {@code true} lexes as a boolean), because Jayway JsonPath accepts a different language: it
 * rejects jsonpath_ng's {@code &} filters and accepts {@code &&}, functions and unicode names that jsonpath_ng
 * refuses. Jayway is used only to evaluate paths. Stateless and thread-safe.
 */
public final class JsonPathSyntax {

    private record Token(String type, String value, int line, int col) {
    }

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

    /** The grammar of jsonpath_ng's ExtendedJsonPathParser: left side, then the right-hand symbols. */
    private static final String[][] RULES = {
        {"jsonpath", "jsonpath", ".", "jsonpath"},
        {"jsonpath", "jsonpath", "DOUBLEDOT", "jsonpath"},
        {"jsonpath", "jsonpath", "WHERE", "jsonpath"},
        {"jsonpath", "jsonpath", "WHERENOT", "jsonpath"},
        {"jsonpath", "jsonpath", "|", "jsonpath"},
        {"jsonpath", "jsonpath", "&", "jsonpath"},
        {"jsonpath", "fields_or_any"},
        {"jsonpath", "NAMED_OPERATOR"},
        {"jsonpath", "$"},
        {"jsonpath", "[", "idx", "]"},
        {"jsonpath", "[", "slice", "]"},
        {"jsonpath", "[", "fields", "]"},
        {"jsonpath", "jsonpath", "[", "fields", "]"},
        {"jsonpath", "jsonpath", "[", "idx", "]"},
        {"jsonpath", "jsonpath", "[", "slice", "]"},
        {"jsonpath", "(", "jsonpath", ")"},
        {"fields_or_any", "fields"},
        {"fields_or_any", "*"},
        {"fields_or_any", "NUMBER"},
        {"fields", "ID"},
        {"fields", "fields", ",", "fields"},
        {"idx", "NUMBER"},
        {"idx", "idx", ",", "idx"},
        {"slice", "*"},
        {"slice", "maybe_int", ":", "maybe_int"},
        {"slice", "maybe_int", ":", "maybe_int", ":", "maybe_int"},
        {"maybe_int", "NUMBER"},
        {"maybe_int"},
        {"jsonpath", "NUMBER", "operator", "NUMBER"},
        {"jsonpath", "FLOAT", "operator", "FLOAT"},
        {"jsonpath", "ID", "operator", "ID"},
        {"jsonpath", "NUMBER", "operator", "jsonpath"},
        {"jsonpath", "FLOAT", "operator", "jsonpath"},
        {"jsonpath", "jsonpath", "operator", "NUMBER"},
        {"jsonpath", "jsonpath", "operator", "FLOAT"},
        {"jsonpath", "jsonpath", "operator", "jsonpath"},
        {"operator", "+"},
        {"operator", "-"},
        {"operator", "*"},
        {"operator", "/"},
        {"expression", "jsonpath"},
        {"expression", "jsonpath", "FILTER_OP", "ID"},
        {"expression", "jsonpath", "FILTER_OP", "FLOAT"},
        {"expression", "jsonpath", "FILTER_OP", "NUMBER"},
        {"expression", "jsonpath", "FILTER_OP", "BOOL"},
        {"expressions", "expression"},
        {"expressions", "expressions", "&", "expressions"},
        {"expressions", "(", "expressions", ")"},
        {"filter", "?", "expressions"},
        {"jsonpath", "jsonpath", "[", "filter", "]"},
        {"sort", "SORT_DIRECTION", "jsonpath"},
        {"sorts", "sort"},
        {"sorts", "sorts", "sorts"},
        {"jsonpath", "jsonpath", "[", "sorts", "]"},
        {"jsonpath", "@"},
    };

    private static final Set<String> NONTERMINALS = new HashSet<>();
    private static final Set<String> NULLABLE = new HashSet<>();

    static {
        for (String[] r : RULES) {
            NONTERMINALS.add(r[0]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String[] r : RULES) {
                boolean all = true;
                for (int i = 1; i < r.length; i++) {
                    all &= NULLABLE.contains(r[i]);
                }
                if (all && NULLABLE.add(r[0])) {
                    changed = true;
                }
            }
        }
    }

    private JsonPathSyntax() {
    }

    /**
     * The error {@code jsonpath_ng.ext.parse(path)} raises, or empty when it parses.
     *
     * @param path the find_key as written
     */
    public static Optional<String> check(String path) {
        List<Token> tokens = new ArrayList<>();
        String lexerError = null;
        try {
            tokenize(path, tokens);
        } catch (IllegalArgumentException e) {
            lexerError = e.getMessage();
        }
        int failedAt = recognize(tokens);
        if (lexerError != null && (failedAt < 0 || failedAt >= tokens.size())) {
            // jsonpath_ng lexes lazily: a bad character is only met once the parser has accepted what precedes it.
            return namedOperatorError(tokens, tokens.size()).or(() -> Optional.of(lexerErrorText(path)));
        }
        // A named operator is only built once the parser has moved past the token that follows it.
        Optional<String> operatorError = namedOperatorError(tokens, failedAt < 0 ? tokens.size() : failedAt - 1);
        if (operatorError.isPresent()) {
            return operatorError;
        }
        if (failedAt < 0) {
            return Optional.empty();
        }
        if (failedAt >= tokens.size()) {
            return Optional.of("Parse error near the end of string!");
        }
        Token t = tokens.get(failedAt);
        return Optional.of("Parse error at " + t.line() + ":" + t.col() + " near token " + t.value() + " ("
                + t.type() + ")");
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

    private static void tokenize(String text, List<Token> out) {
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
                out.add(new Token("BOOL", m.group().equals("true") ? "True" : "False", line, col));
            } else if ((m = SORT.matcher(rest)).lookingAt()) {
                out.add(new Token("SORT_DIRECTION", m.group(1), line, col));
            } else if ((m = ID.matcher(rest)).lookingAt()) {
                String v = m.group();
                String type = v.equals("where") ? "WHERE" : v.equals("wherenot") ? "WHERENOT" : "ID";
                out.add(new Token(type, v, line, col));
            } else if ((m = FLOAT.matcher(rest)).lookingAt()) {
                out.add(new Token("FLOAT", PyValues.floatRepr(Double.parseDouble(m.group())), line, col));
            } else if ((m = NUMBER.matcher(rest)).lookingAt()) {
                out.add(new Token("NUMBER", new java.math.BigInteger(m.group()).toString(), line, col));
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
                out.add(new Token(c == '`' ? "NAMED_OPERATOR" : "ID", value.toString(), line, end - latestNewline));
                pos = end + 1;
                continue;
            } else if (c == '\n') {
                line++;
                latestNewline = pos;
                pos++;
                continue;
            } else if ((m = FILTER_OP.matcher(rest)).lookingAt()) {
                out.add(new Token("FILTER_OP", m.group(), line, col));
            } else if (rest.startsWith("..")) {
                out.add(new Token("DOUBLEDOT", "..", line, col));
                m = null;
                pos += 2;
                continue;
            } else if (LITERALS.indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), String.valueOf(c), line, col));
                pos++;
                continue;
            } else {
                throw new IllegalArgumentException("Error on line " + line + ", col " + col
                        + ": Unexpected character: " + new String(Character.toChars(text.codePointAt(pos))) + " ");
            }
            pos += m.group().length();
        }
    }

    private record Item(int rule, int dot, int origin) {
    }

    /** Earley recognition; -1 when the tokens form a jsonpath, else the index of the token that cannot follow. */
    private static int recognize(List<Token> tokens) {
        List<Set<Item>> sets = new ArrayList<>();
        Set<Item> first = new LinkedHashSet<>();
        for (int r = 0; r < RULES.length; r++) {
            if (RULES[r][0].equals("jsonpath")) {
                first.add(new Item(r, 0, 0));
            }
        }
        sets.add(first);
        for (int k = 0; k <= tokens.size(); k++) {
            Set<Item> set = sets.get(k);
            closure(set, sets, k);
            if (k == tokens.size()) {
                break;
            }
            String type = tokens.get(k).type();
            Set<Item> nextSet = new LinkedHashSet<>();
            for (Item it : set) {
                String[] rule = RULES[it.rule()];
                if (it.dot() + 1 < rule.length && rule[it.dot() + 1].equals(type)) {
                    nextSet.add(new Item(it.rule(), it.dot() + 1, it.origin()));
                }
            }
            if (nextSet.isEmpty()) {
                return k;
            }
            sets.add(nextSet);
        }
        for (Item it : sets.get(tokens.size())) {
            String[] rule = RULES[it.rule()];
            if (it.origin() == 0 && rule[0].equals("jsonpath") && it.dot() + 1 == rule.length) {
                return -1;
            }
        }
        return tokens.size();
    }

    private static void closure(Set<Item> set, List<Set<Item>> sets, int k) {
        List<Item> work = new ArrayList<>(set);
        for (int i = 0; i < work.size(); i++) {
            Item it = work.get(i);
            String[] rule = RULES[it.rule()];
            if (it.dot() + 1 < rule.length) {
                String next = rule[it.dot() + 1];
                if (NONTERMINALS.contains(next)) {
                    for (int r = 0; r < RULES.length; r++) {
                        if (RULES[r][0].equals(next)) {
                            add(set, work, new Item(r, 0, k));
                        }
                    }
                    if (NULLABLE.contains(next)) {
                        add(set, work, new Item(it.rule(), it.dot() + 1, it.origin()));
                    }
                }
            } else {
                String lhs = rule[0];
                Set<Item> originSet = it.origin() == k ? set : sets.get(it.origin());
                for (Item parent : new ArrayList<>(originSet)) {
                    String[] pr = RULES[parent.rule()];
                    if (parent.dot() + 1 < pr.length && pr[parent.dot() + 1].equals(lhs)) {
                        add(set, work, new Item(parent.rule(), parent.dot() + 1, parent.origin()));
                    }
                }
            }
        }
    }

    private static void add(Set<Item> set, List<Item> work, Item item) {
        if (set.add(item)) {
            work.add(item);
        }
    }

    private static Optional<String> namedOperatorError(List<Token> tokens, int before) {
        for (int i = 0; i < Math.min(before, tokens.size()); i++) {
            Token t = tokens.get(i);
            if (!t.type().equals("NAMED_OPERATOR")) {
                continue;
            }
            String op = t.value();
            if (List.of("len", "keys", "path", "sorted", "this", "parent").contains(op)) {
                continue;
            }
            if (op.startsWith("split(")) {
                if (!SPLIT.matcher(op).lookingAt()) {
                    return Optional.of(op + " is not valid");
                }
            } else if (op.startsWith("sub(")) {
                Matcher m = SUB.matcher(op);
                if (!m.lookingAt()) {
                    return Optional.of(op + " is not valid");
                }
                PythonRegex.Compiled regex = PythonRegex.compile(m.group(1));
                if (!regex.valid()) {
                    return Optional.of(regex.error().get());
                }
            } else if (op.startsWith("str(")) {
                if (!STR.matcher(op).lookingAt()) {
                    return Optional.of(op + " is not valid");
                }
            } else {
                return Optional.of("Unknown named operator `" + op + "` at " + t.line() + ":" + t.col());
            }
        }
        return Optional.empty();
    }
}
