package org.dbb.console.core.workspace.config;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Reads typed values out of a composed YAML node tree while collecting positioned problems, so one pass over a
 * settings file reports every mistake with its line and column. Not thread-safe: one instance per file read.
 */
final class YamlNodes {

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    YamlNodes(Path file) {
        this.file = file;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Composes the document; a syntax error becomes a problem and the result is empty. */
    Optional<Node> compose(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            Node root = new Yaml(options).compose(new StringReader(text));
            return Optional.ofNullable(root);
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

    /**
     * The entries of a mapping node by key text, in order; reports non-mapping nodes, duplicate keys (ignoring
     * case, as the environments must also be unique in {@code parameter.yml}) and keys outside {@code allowed}.
     */
    Optional<Map<String, NodeTuple>> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, where + " must be a mapping of keys to values");
            return Optional.empty();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        Map<String, String> seenLower = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || !isStringScalar(scalar)) {
                error(keyNode, where + " has a key that YAML does not read as text ("
                        + describe(keyNode) + "); put the key in quotes, e.g. \"" + keyText(keyNode) + "\"");
                continue;
            }
            String key = scalar.getValue();
            String previous = seenLower.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
            if (previous != null) {
                error(keyNode, "duplicate key '" + key + "' in " + where
                        + (previous.equals(key) ? "" : " (same as '" + previous + "' ignoring case)")
                        + "; keep only one");
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

    Optional<String> string(NodeTuple tuple, String where) {
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag() != Tag.NULL) {
            if (!isStringScalar(scalar)) {
                error(value, where + " must be text; YAML reads '" + scalar.getValue() + "' as "
                        + describe(value) + ": put it in quotes");
                return Optional.empty();
            }
            if (scalar.getValue().isBlank()) {
                error(value, where + " must not be empty");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        error(value, where + " must be text, not " + describe(value));
        return Optional.empty();
    }

    Optional<Boolean> bool(NodeTuple tuple, String where) {
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.BOOL) {
            String v = scalar.getValue().toLowerCase(Locale.ROOT);
            return Optional.of(v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"));
        }
        error(value, where + " must be true or false, not " + describe(value)
                + (value instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
        return Optional.empty();
    }

    Optional<Integer> integer(NodeTuple tuple, String where, int min, int max) {
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.INT) {
            try {
                int v = Integer.parseInt(scalar.getValue().replace("_", ""));
                if (v < min || v > max) {
                    error(value, where + " must be between " + min + " and " + max + ", not " + v);
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                error(value, where + " is not a whole number in range: " + scalar.getValue());
                return Optional.empty();
            }
        }
        error(value, where + " must be a whole number, not " + describe(value)
                + (value instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
        return Optional.empty();
    }

    Optional<List<Node>> sequence(NodeTuple tuple, String where) {
        Node value = tuple.getValueNode();
        if (value instanceof SequenceNode seq) {
            return Optional.of(seq.getValue());
        }
        error(value, where + " must be a list, not " + describe(value));
        return Optional.empty();
    }

    static boolean isStringScalar(ScalarNode scalar) {
        return scalar.getTag() == Tag.STR;
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
            return "a number";
        }
        if (tag == Tag.FLOAT) {
            return "a decimal number";
        }
        if (tag == Tag.NULL) {
            return "nothing (null)";
        }
        return "text";
    }

    private static String keyText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "key";
    }

    private static String hint(String key, Set<String> allowed) {
        String lower = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return allowed.stream()
                .filter(a -> a.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").equals(lower))
                .findFirst()
                .map(a -> " (did you mean '" + a + "'?)")
                .orElse("");
    }
}
