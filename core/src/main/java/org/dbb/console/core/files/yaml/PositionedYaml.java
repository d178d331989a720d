package org.dbb.console.core.files.yaml;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import org.dbb.console.core.problem.Problem;

/**
 * Typed reads from a composed SnakeYAML node tree that collect every mistake as a problem with its file, line and
 * column, so one pass reports all of them. Not thread-safe: one instance per file read.
 */
public final class PositionedYaml {

    /** How {@link #mapping} decides that two keys of one mapping are the same key. */
    public enum KeyMatch {
        /** Keys differing only by case are distinct. */
        EXACT,
        /** Keys differing only by case are duplicates. */
        IGNORE_CASE
    }

    private final Path file;
    private final KeyMatch keyMatch;
    private final List<Problem> problems = new ArrayList<>();

    public PositionedYaml(Path file, KeyMatch keyMatch) {
        this.file = file;
        this.keyMatch = keyMatch;
    }

    /** The problems found so far; mutable, so a caller can add problems that have no node to point at. */
    public List<Problem> problems() {
        return problems;
    }

    public Path file() {
        return file;
    }

    /** Composes the document; a syntax error becomes a problem and the result is empty. */
    public Optional<Node> compose(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            // Duplicates are reported by mapping() with both positions instead of failing the whole parse.
            options.setAllowDuplicateKeys(true);
            return Optional.ofNullable(new Yaml(options).compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(Problem.error(file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    "malformed YAML: " + e.getProblem() + "; fix the syntax at this position"));
            return Optional.empty();
        } catch (RuntimeException e) {
            problems.add(Problem.error(file, 0, 0, "malformed YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    public void error(Node at, String message) {
        problems.add(Problem.error(file, line(at), column(at), message));
    }

    public void warning(Node at, String message) {
        problems.add(Problem.warning(file, line(at), column(at), message));
    }

    /** The 1-based line of a node, or 0 without one. */
    public static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The 1-based column of a node, or 0 without one. */
    public static int column(Node node) {
        return node == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    /** True when YAML reads the scalar as text, so {@code yes}, {@code 1} or {@code ~} do not count. */
    public static boolean isText(ScalarNode scalar) {
        return scalar.getTag() == Tag.STR;
    }

    /**
     * Entries of a mapping by key text, in order; reports a non-mapping, keys that are not text, duplicates (as
     * decided by this reader's {@link KeyMatch}) and keys outside {@code allowed} unless it is empty.
     */
    public Optional<Map<String, NodeTuple>> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, where + " must be a mapping of keys to values, not " + describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        Map<String, ScalarNode> firstKeys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || !isText(scalar)) {
                error(keyNode, where + " has a key that YAML does not read as text (" + describe(keyNode)
                        + "); put the key in quotes, e.g. \"" + keyText(keyNode) + "\"");
                continue;
            }
            String key = scalar.getValue();
            ScalarNode first = firstKeys.putIfAbsent(
                    keyMatch == KeyMatch.IGNORE_CASE ? key.toLowerCase(Locale.ROOT) : key, scalar);
            if (first != null) {
                error(keyNode, "duplicate key '" + key + "' in " + where + " ("
                        + (first.getValue().equals(key) ? "" : "same as '" + first.getValue() + "' ignoring case, ")
                        + "first at line " + line(first) + "); keep only one");
                continue;
            }
            if (!allowed.isEmpty() && !allowed.contains(key)) {
                error(keyNode, "unknown key '" + key + "' in " + where + "; allowed keys: "
                        + String.join(", ", allowed) + hint(key, allowed));
                continue;
            }
            entries.put(key, tuple);
        }
        return Optional.of(entries);
    }

    public Optional<String> text(Node value, String where) {
        if (value instanceof ScalarNode scalar && isText(scalar)) {
            if (scalar.getValue().isBlank()) {
                error(value, where + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        error(value, where + " must be text, not " + describeWithValue(value)
                + (value instanceof ScalarNode && value.getTag() != Tag.NULL ? "; put it in quotes" : ""));
        return Optional.empty();
    }

    public Optional<Boolean> bool(Node value, String where) {
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.BOOL) {
            return Optional.of(isTrue(scalar.getValue()));
        }
        error(value, where + " must be true or false, not " + describeWithValue(value));
        return Optional.empty();
    }

    /** A number of seconds or a factor: an integer or decimal within the bounds. */
    public OptionalDouble number(Node value, String where, double min, double max) {
        if (value instanceof ScalarNode scalar && (scalar.getTag() == Tag.INT || scalar.getTag() == Tag.FLOAT)) {
            double v;
            try {
                v = Double.parseDouble(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                error(value, where + " is not a number YAML and Java agree on: '" + scalar.getValue()
                        + "'; write it like 12 or 0.5");
                return OptionalDouble.empty();
            }
            if (Double.isNaN(v) || v < min || v > max) {
                error(value, where + " must be between " + shown(min) + " and " + shown(max) + ", not "
                        + scalar.getValue());
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(v);
        }
        error(value, where + " must be a number, not " + describeWithValue(value));
        return OptionalDouble.empty();
    }

    public OptionalInt integer(Node value, String where, int min, int max) {
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.INT) {
            BigInteger v;
            try {
                v = new BigInteger(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                error(value, where + " must be a whole number written in decimal, not '" + scalar.getValue() + "'");
                return OptionalInt.empty();
            }
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                error(value, where + " must be between " + min + " and " + max + ", not " + scalar.getValue());
                return OptionalInt.empty();
            }
            return OptionalInt.of(v.intValue());
        }
        error(value, where + " must be a whole number, not " + describeWithValue(value));
        return OptionalInt.empty();
    }

    /** Attempt or request numbers: one number or a list of them, each at least 1. */
    public Set<Integer> counts(Node value, String where) {
        Set<Integer> out = new TreeSet<>();
        if (value instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                error(value, where + " must list at least one number, e.g. [1]");
            }
            for (Node element : seq.getValue()) {
                integer(element, "each entry of " + where, 1, Integer.MAX_VALUE).ifPresent(n -> {
                    if (!out.add(n)) {
                        warning(element, where + " lists " + n + " twice");
                    }
                });
            }
            return out;
        }
        if (value instanceof ScalarNode) {
            integer(value, where, 1, Integer.MAX_VALUE).ifPresent(out::add);
            return out;
        }
        error(value, where + " must be a number or a list of numbers such as [1, 2], not " + describe(value));
        return out;
    }

    public Optional<List<Node>> sequence(Node value, String where) {
        if (value instanceof SequenceNode seq) {
            return Optional.of(seq.getValue());
        }
        error(value, where + " must be a list, not " + describe(value));
        return Optional.empty();
    }

    /** Converts any YAML value to the JSON value with the same meaning, for values passed on verbatim. */
    public JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = f.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                object.set(key, toJson(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = f.arrayNode();
            seq.getValue().forEach(element -> array.add(toJson(element)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String v = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (tag == Tag.INT) {
                return f.numberNode(new BigInteger(v.replace("_", "")));
            }
            if (tag == Tag.FLOAT) {
                return f.numberNode(Double.parseDouble(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // YAML 1.1 forms such as 0x1F, 1:30 or .inf: keep the writer's text rather than guess a value.
            return f.textNode(v);
        }
        if (tag == Tag.BOOL) {
            return f.booleanNode(isTrue(v));
        }
        if (tag == Tag.NULL) {
            return f.nullNode();
        }
        return f.textNode(v);
    }

    /** What YAML made of a node, in words for a problem message. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (tag == Tag.BOOL) {
            return "a boolean";
        }
        if (tag == Tag.INT) {
            return "a whole number";
        }
        if (tag == Tag.FLOAT) {
            return "a decimal number";
        }
        if (tag == Tag.NULL) {
            return "nothing (null)";
        }
        return "text";
    }

    private static String describeWithValue(Node node) {
        return describe(node) + (node instanceof ScalarNode s && node.getTag() != Tag.NULL ? " '" + s.getValue() + "'"
                : "");
    }

    private static boolean isTrue(String yamlBoolean) {
        String v = yamlBoolean.toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
    }

    private static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String keyText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "key";
    }

    private static String hint(String key, Set<String> allowed) {
        String wanted = loose(key);
        return allowed.stream()
                .filter(a -> loose(a).equals(wanted))
                .findFirst()
                .map(a -> " (did you mean '" + a + "'?)")
                .orElse("");
    }

    private static String loose(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
