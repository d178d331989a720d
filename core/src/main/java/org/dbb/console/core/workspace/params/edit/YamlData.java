package org.dbb.console.core.workspace.params.edit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The data a YAML document holds, in a form that can be compared before and after an edit: mappings keep their
 * key order and duplicate keys (a plain {@code Map} would hide both), scalars become the Java values SnakeYAML's
 * safe constructor gives, with all integers as {@link BigInteger} so that {@code 5} and {@code 5L} compare equal.
 * Not thread-safe: one instance per conversion.
 */
final class YamlData {

    /** A mapping, in document order, duplicates kept. The list is mutable so that expected changes can be applied. */
    record DataMap(List<DataPair> pairs) {
    }

    /** One key/value pair of a {@link DataMap}. */
    record DataPair(Object key, Object value) {
    }

    /** A scalar with a tag the safe constructor does not know (e.g. {@code !Ref x}), kept as tag and text. */
    record TaggedScalar(String tag, String value) {
    }

    private static final Set<Tag> CONSTRUCTED_TAGS = Set.of(Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.STR,
            Tag.TIMESTAMP);

    private final ScalarConstructor constructor = new ScalarConstructor();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The data of a composed node tree; null for an empty document. */
    static Object of(Node root) {
        return root == null ? null : new YamlData().convert(root);
    }

    /** The data a Java value (String, Boolean, Number, List, Map, {@link SparkPoolTarget}) stands for. */
    static Object ofJava(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<DataPair> pairs = new ArrayList<>();
            map.forEach((k, v) -> pairs.add(new DataPair(ofJava(k), ofJava(v))));
            return new DataMap(pairs);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(ofJava(item)));
            return items;
        }
        if (value instanceof SparkPoolTarget pool) {
            return ofJava(SparkPoolValues.asMap(pool));
        }
        return normalizeScalar(value);
    }

    /** A deep, mutable copy, so that expected changes never alter the tree they were computed from. */
    static Object copy(Object data) {
        if (data instanceof DataMap map) {
            List<DataPair> pairs = new ArrayList<>();
            map.pairs().forEach(p -> pairs.add(new DataPair(copy(p.key()), copy(p.value()))));
            return new DataMap(pairs);
        }
        if (data instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(copy(item)));
            return items;
        }
        return data;
    }

    /** The Python type name fabric-cicd would see for a value, used in "all environments share one type" checks. */
    static String pythonType(Object data) {
        if (data == null) {
            return "None";
        }
        if (data instanceof String) {
            return "str";
        }
        if (data instanceof Boolean) {
            return "bool";
        }
        if (data instanceof BigInteger) {
            return "int";
        }
        if (data instanceof Double) {
            return "float";
        }
        if (data instanceof List<?>) {
            return "list";
        }
        if (data instanceof DataMap) {
            return "dict";
        }
        if (data instanceof TaggedScalar tagged) {
            return tagged.tag();
        }
        return data.getClass().getSimpleName();
    }

    private Object convert(Node node) {
        if (!inProgress.add(node)) {
            throw new IllegalStateException("recursive alias at line " + (node.getStartMark().getLine() + 1));
        }
        try {
            if (node instanceof MappingNode mapping) {
                List<DataPair> pairs = new ArrayList<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    pairs.add(new DataPair(convert(tuple.getKeyNode()), convert(tuple.getValueNode())));
                }
                return new DataMap(pairs);
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item));
                }
                return items;
            }
            ScalarNode scalar = (ScalarNode) node;
            if (!CONSTRUCTED_TAGS.contains(scalar.getTag())) {
                return new TaggedScalar(scalar.getTag().getValue(), scalar.getValue());
            }
            return normalizeScalar(constructor.construct(scalar));
        } finally {
            inProgress.remove(node);
        }
    }

    private static Object normalizeScalar(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** Exposes the safe constructor's scalar construction, which SnakeYAML only offers for whole documents. */
    private static final class ScalarConstructor extends SafeConstructor {

        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
