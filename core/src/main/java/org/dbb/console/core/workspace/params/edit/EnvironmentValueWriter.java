package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes one environment's value into an environment map, matching the style of what is already there: the
 * quoting of the replaced scalar or of the neighbouring key and value, and a neighbour's block layout for Spark
 * pools. Values must already be normalized by {@link ReplaceValueRules}. Confined to one edit.
 */
final class EnvironmentValueWriter {

    private final ParameterDocument doc;
    private final MappingEdits edits;

    EnvironmentValueWriter(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.edits = new MappingEdits(doc, plan);
    }

    /** Replaces the value of pair {@code index}; a Spark pool written as {@code type}/{@code name} keeps its layout. */
    void replace(EnvironmentMap env, int index, Object value) {
        Node old = env.pairs().get(index).getValueNode();
        if (value instanceof SparkPoolTarget pool && old instanceof MappingNode oldPool && isPoolShape(oldPool)) {
            doc.requireOwnText(env.pairs().get(index));
            List<Integer> poolPath = env.valuePath(index);
            setScalar(oldPool, poolPath, "type", pool.type());
            setScalar(oldPool, poolPath, "name", pool.name());
            return;
        }
        ScalarStyle like = old instanceof ScalarNode scalar ? scalar.getScalarStyle() : ScalarStyle.DOUBLE_QUOTED;
        edits.replaceValue(env.map(), env.path(), index, YamlText.value(value, like), YamlData.ofJava(value));
    }

    /** Adds {@code environment} after the map's last key, written in the style of that last pair. */
    void insert(EnvironmentMap env, String environment, Object value) {
        List<NodeTuple> pairs = env.pairs();
        NodeTuple last = pairs.isEmpty() ? null : pairs.get(pairs.size() - 1);
        String afterKey = ": " + YamlText.value(value, last == null ? ScalarStyle.DOUBLE_QUOTED : styleOf(last));
        if (value instanceof SparkPoolTarget pool && last != null && !ParameterDocument.isFlow(env.map())
                && last.getValueNode() instanceof MappingNode sibling && isPoolShape(sibling)
                && !ParameterDocument.isFlow(sibling)) {
            afterKey = blockPool(pool, sibling);
        }
        edits.insertPair(env.map(), env.path(), keyText(env, environment), afterKey, environment,
                YamlData.ofJava(value));
    }

    /** Adds {@code environment} after the map's last key with the value text of pair {@code source}, copied. */
    void insertCopy(EnvironmentMap env, String environment, int source) {
        NodeTuple from = env.pairs().get(source);
        doc.requireOwnText(from);
        if (hasAnchor(from.getValueNode())) {
            throw doc.problem(from.getValueNode(), "this value defines a YAML anchor (&name), which cannot be "
                    + "copied; give a value instead of copying it");
        }
        String copied = doc.source().text().substring(doc.offset(from.getKeyNode().getEndMark()),
                doc.contentEnd(from.getValueNode()));
        Object data = YamlData.copy(dataOf(env, source));
        edits.insertPair(env.map(), env.path(), keyText(env, environment), copied, environment, data);
    }

    private Object dataOf(EnvironmentMap env, int index) {
        Object current = doc.data();
        for (int step : env.valuePath(index)) {
            current = current instanceof YamlData.DataMap map ? map.pairs().get(step).value()
                    : ((List<?>) current).get(step);
        }
        return current;
    }

    /** The data of every value in the map except pair {@code skip}, keyed by environment. */
    Map<String, Object> otherValues(EnvironmentMap env, int skip) {
        Map<String, Object> others = new LinkedHashMap<>();
        for (int i = 0; i < env.pairs().size(); i++) {
            if (i != skip) {
                others.put(env.keys().get(i), dataOf(env, i));
            }
        }
        return others;
    }

    private void setScalar(MappingNode pool, List<Integer> path, String key, String value) {
        int index = ParameterDocument.indexOfKey(pool, key);
        ScalarNode old = (ScalarNode) pool.getValue().get(index).getValueNode();
        if (!old.getValue().equals(value) || !Tag.STR.equals(old.getTag())) {
            edits.replaceValue(pool, path, index, YamlText.string(value, old.getScalarStyle()), value);
        }
    }

    private String blockPool(SparkPoolTarget pool, MappingNode sibling) {
        NodeTuple first = sibling.getValue().get(0);
        String indent = edits.ownLineIndent(first.getKeyNode());
        String separator = doc.lineSeparator();
        StringBuilder out = new StringBuilder(":");
        for (String key : List.of("type", "name")) {
            NodeTuple like = sibling.getValue().get(ParameterDocument.indexOfKey(sibling, key));
            String value = key.equals("type") ? pool.type() : pool.name();
            out.append(separator).append(indent)
                    .append(YamlText.key(key, ((ScalarNode) like.getKeyNode()).getScalarStyle())).append(": ")
                    .append(YamlText.string(value, ((ScalarNode) like.getValueNode()).getScalarStyle()));
        }
        return out.toString();
    }

    private static String keyText(EnvironmentMap env, String environment) {
        List<NodeTuple> pairs = env.pairs();
        ScalarStyle like = !pairs.isEmpty() && pairs.get(pairs.size() - 1).getKeyNode() instanceof ScalarNode key
                ? key.getScalarStyle() : ScalarStyle.PLAIN;
        return YamlText.key(environment, like);
    }

    // A neighbour's quoting only guides strings; a bare `false` next door says nothing about how to write text.
    private static ScalarStyle styleOf(NodeTuple pair) {
        return pair.getValueNode() instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())
                ? scalar.getScalarStyle() : ScalarStyle.DOUBLE_QUOTED;
    }

    private static boolean isPoolShape(MappingNode map) {
        List<String> keys = new ArrayList<>();
        for (NodeTuple pair : map.getValue()) {
            if (!(pair.getValueNode() instanceof ScalarNode) || !(pair.getKeyNode() instanceof ScalarNode)) {
                return false;
            }
            keys.add(EnvironmentMap.keyOf(pair));
        }
        return keys.size() == 2 && keys.contains("type") && keys.contains("name");
    }

    private static boolean hasAnchor(Node node) {
        if (node.getAnchor() != null) {
            return true;
        }
        if (node instanceof MappingNode map) {
            return map.getValue().stream().anyMatch(p -> hasAnchor(p.getKeyNode()) || hasAnchor(p.getValueNode()));
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().anyMatch(EnvironmentValueWriter::hasAnchor);
        }
        return false;
    }
}
