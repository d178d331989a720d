package org.dbb.console.core.emulator.scenario;

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
 * Typed reads from a composed SnakeYAML node tree that collect every mistake as a problem with its line and
 * column, so one pass reports all of them. Not thread-safe: one instance per read.
 */
final class YamlTree {

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    YamlTree(Path file) {
        this.file = file;
    }

    List<Problem> problems() {
        return problems;
    }

    Path file() {
        return file;
    }

    Optional<Node> compose(String text) {
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

    void error(Node at, String message) {
        problems.add(Problem.error(file, line(at), column(at), message));
    }

    void warning(Node at, String message) {
        problems.add(Problem.warning(file, line(at), column(at), message));
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static int column(Node node) {
        return node == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    /** Entries of a mapping by key text; reports a non-mapping, keys that are not text, duplicates and unknown keys. */
    Optional<Map<String, NodeTuple>> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, where + " must be a mapping of keys to values, not " + describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag() != Tag.STR) {
                error(keyNode, where + " has a key YAML does not read as text (" + describe(keyNode)
                        + "); put the key in quotes");
                continue;
            }
            String key = scalar.getValue();
            if (entries.containsKey(key)) {
                error(keyNode, "duplicate key '" + key + "' in " + where + " (first at line "
                        + line(entries.get(key).getKeyNode()) + "); keep only one");
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

    Optional<String> text(Node value, String where) {
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.STR) {
            if (scalar.getValue().isBlank()) {
                error(value, where + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        error(value, where + " must be text, not " + describeWithValue(value)
                + (value instanceof ScalarNode ? "; put it in quotes" : ""));
        return Optional.empty();
    }

    Optional<Boolean> bool(Node value, String where) {
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.BOOL) {
            String v = scalar.getValue().toLowerCase(Locale.ROOT);
            return Optional.of(v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"));
        }
        error(value, where + " must be true or false, not " + describeWithValue(value));
        return Optional.empty();
    }

    /** A number of seconds or a factor: an integer or decimal within the bounds. */
    OptionalDouble number(Node value, String where, double min, double max) {
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

    OptionalInt integer(Node value, String where, int min, int max) {
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
    Set<Integer> counts(Node value, String where) {
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

    Optional<List<Node>> sequence(Node value, String where) {
        if (value instanceof SequenceNode seq) {
            return Optional.of(seq.getValue());
        }
        error(value, where + " must be a list, not " + describe(value));
        return Optional.empty();
    }

    /** Converts any YAML value to the JSON value with the same meaning (used for notebook exit values). */
    JsonNode toJson(Node node) {
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
            return f.textNode(v);
        }
        if (tag == Tag.BOOL) {
            return f.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")
                    || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y"));
        }
        if (tag == Tag.NULL) {
            return f.nullNode();
        }
        return f.textNode(v);
    }

    static String describe(Node node) {
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

    private static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String hint(String key, Set<String> allowed) {
        String lower = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return allowed.stream()
                .filter(a -> a.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst()
                .map(a -> " (did you mean '" + a + "'?)")
                .orElse("");
    }
}
