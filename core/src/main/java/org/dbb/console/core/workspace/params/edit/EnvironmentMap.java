package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One environment → value mapping in the document: an entry's {@code replace_value} or a semantic model binding's
 * {@code connection_id}. Immutable view over the composed nodes.
 *
 * @param kind  what the values must be
 * @param label how messages name it, e.g. {@code find_replace entry 2}
 * @param owner the node problems are positioned at when the map itself is missing
 * @param map   the mapping, or null when the entry has no mapping there
 * @param path  the data path of the mapping from the document root
 */
record EnvironmentMap(ValueKind kind, String label, Node owner, MappingNode map, List<Integer> path) {

    EnvironmentMap {
        path = List.copyOf(path);
    }

    List<NodeTuple> pairs() {
        return map == null ? List.of() : map.getValue();
    }

    /** The environment keys in order; a non-scalar key (never valid here) is listed by its position only. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (NodeTuple pair : pairs()) {
            keys.add(keyOf(pair));
        }
        return keys;
    }

    /** The index of the pair whose key is exactly {@code environment}, or -1. */
    int indexOf(String environment) {
        return keys().indexOf(environment);
    }

    boolean usesAll() {
        return keys().stream().anyMatch(EnvironmentNames::isAll);
    }

    static String keyOf(NodeTuple pair) {
        return pair.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    /** The path of the value of pair {@code index}, for changes inside that value. */
    List<Integer> valuePath(int index) {
        List<Integer> inner = new ArrayList<>(path);
        inner.add(index);
        return inner;
    }
}
