package org.dbb.console.core.workspace.params;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * fabric-cicd's duplicate-key rule: every mapping reachable from the root (through mapping values and sequence
 * items) must not repeat a key, comparing strings without case. The traversal order, and so the order of the
 * groups in the message, is fabric-cicd's (a stack, last pushed first). Used once per load; not thread-safe.
 */
final class DuplicateKeyCheck {

    private final YamlTree tree;

    DuplicateKeyCheck(YamlTree tree) {
        this.tree = tree;
    }

    /** @throws YamlLoadException with {@code duplicate key(s) found: ...} when a key repeats */
    void check(MappingNode root) throws YamlLoadException {
        List<String> errors = new ArrayList<>();
        Mark firstDuplicate = null;
        Deque<MappingNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            MappingNode node = stack.pop();
            Map<Object, List<String>> seen = new LinkedHashMap<>();
            Map<Object, Mark> secondAt = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                YamlValue key = tree.constructKey(keyNode);
                Object normalized;
                try {
                    normalized = key.asString().<Object>map(s -> s.toLowerCase(Locale.ROOT))
                            .orElseGet(() -> PyValues.hashKey(key));
                } catch (IllegalArgumentException e) {
                    throw tree.error("while checking for duplicate keys", null,
                            "found unhashable key (" + e.getMessage() + ")", keyNode.getStartMark());
                }
                List<String> variants = seen.computeIfAbsent(normalized, k -> new ArrayList<>());
                variants.add(key.str());
                if (variants.size() == 2) {
                    secondAt.put(normalized, keyNode.getStartMark());
                }
                Node value = tuple.getValueNode();
                if (value instanceof MappingNode mapping) {
                    stack.push(mapping);
                } else if (value instanceof SequenceNode seq) {
                    for (Node item : seq.getValue()) {
                        if (item instanceof MappingNode mapping) {
                            stack.push(mapping);
                        }
                    }
                }
            }
            for (Map.Entry<Object, List<String>> e : seen.entrySet()) {
                List<String> variants = e.getValue();
                if (variants.size() > 1) {
                    TreeSet<String> unique = new TreeSet<>(variants);
                    errors.add(unique.size() == 1
                            ? "'" + unique.first() + "' (" + variants.size() + ")"
                            : PyValues.reprList(new ArrayList<>(unique)) + " (" + variants.size() + ")");
                    if (firstDuplicate == null) {
                        firstDuplicate = secondAt.get(e.getKey());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new YamlLoadException("duplicate key(s) found: " + String.join(", ", errors),
                    firstDuplicate.getLine() + 1, firstDuplicate.getColumn() + 1);
        }
    }
}
