package org.dbb.console.core.workspace.params.edit;

import java.util.List;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Pair-level changes to one mapping of the document (replace a value, insert, remove or rename a pair), each
 * recorded as a text splice plus the data change it stands for. Works for block and flow mappings. Confined to
 * one edit.
 */
final class MappingEdits {

    private final ParameterDocument doc;
    private final EditPlan plan;

    MappingEdits(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.plan = plan;
    }

    /** Replaces the value of pair {@code index} with {@code valueText}, written where the old value was. */
    void replaceValue(MappingNode map, List<Integer> path, int index, String valueText, Object data) {
        NodeTuple pair = map.getValue().get(index);
        doc.requireOwnText(pair);
        Node value = pair.getValueNode();
        int start = doc.start(value);
        int end = doc.contentEnd(value);
        boolean inPlace = ParameterDocument.isFlow(value) || (value instanceof ScalarNode && end > start);
        if (inPlace) {
            plan.splice(start, end, valueText);
        } else {
            // An empty value or a block collection has no place of its own on the key's line: rewrite from the
            // end of the key, which also drops the old block's lines.
            plan.splice(doc.offset(pair.getKeyNode().getEndMark()), end, ": " + valueText);
        }
        plan.change(new DataChange.ReplaceValue(path, index, data));
    }

    /**
     * Adds a pair after the last one, at the same indentation (block) or as {@code , key: value} (flow).
     *
     * @param afterKey the text that follows the key, starting with the colon (e.g. {@code : "x"})
     */
    void insertPair(MappingNode map, List<Integer> path, String keyText, String afterKey, Object key, Object data) {
        List<NodeTuple> pairs = map.getValue();
        String text = doc.source().text();
        if (pairs.isEmpty()) {
            int open = doc.start(map);
            if (!ParameterDocument.isFlow(map) || text.charAt(open) != '{') {
                throw doc.problem(map, "cannot add a key to this empty mapping; write it as {} or add a key by hand");
            }
            plan.splice(open + 1, open + 1, keyText + afterKey);
        } else if (ParameterDocument.isFlow(map)) {
            int end = doc.contentEnd(pairs.get(pairs.size() - 1));
            plan.splice(end, end, ", " + keyText + afterKey);
        } else {
            NodeTuple last = pairs.get(pairs.size() - 1);
            String indent = ownLineIndent(last.getKeyNode());
            insertLine(doc.source().lineEndAfter(doc.contentEnd(last)), indent + keyText + afterKey);
        }
        plan.change(new DataChange.InsertPair(path, pairs.size(), key, data));
    }

    /** Removes pair {@code index}: its whole lines in a block mapping, its {@code , key: value} part in a flow one. */
    void removePair(MappingNode map, List<Integer> path, int index) {
        List<NodeTuple> pairs = map.getValue();
        NodeTuple pair = pairs.get(index);
        if (ParameterDocument.isFlow(map)) {
            if (index > 0) {
                plan.splice(doc.contentEnd(pairs.get(index - 1)), doc.contentEnd(pair), "");
            } else if (pairs.size() > 1) {
                plan.splice(doc.start(pair.getKeyNode()), doc.start(pairs.get(1).getKeyNode()), "");
            } else {
                plan.splice(doc.start(pair.getKeyNode()), doc.contentEnd(pair), "");
            }
        } else {
            ownLineIndent(pair.getKeyNode());
            removeLines(doc.source().lineStart(doc.start(pair.getKeyNode())), doc.contentEnd(pair));
        }
        plan.change(new DataChange.RemovePair(path, index));
    }

    /** Renames the key of pair {@code index}, keeping the key's quoting style. */
    void renameKey(MappingNode map, List<Integer> path, int index, String newKey) {
        Node key = map.getValue().get(index).getKeyNode();
        ScalarStyle style = key instanceof ScalarNode scalar ? scalar.getScalarStyle() : ScalarStyle.PLAIN;
        plan.splice(doc.start(key), doc.offset(key.getEndMark()), YamlText.key(newKey, style));
        plan.change(new DataChange.RenameKey(path, index, newKey));
    }

    /**
     * The indentation before a node that starts its own line (as block keys and list dashes do).
     *
     * @throws org.dbb.console.core.problem.InvalidInputException when something else precedes it on its line
     */
    String ownLineIndent(Node node) {
        return ownLineIndent(doc.start(node), node);
    }

    String ownLineIndent(int offset, Node node) {
        String prefix = doc.source().linePrefix(offset);
        if (!SourceText.isWhitespace(prefix)) {
            throw doc.problem(node, "this layout (more than one key or item on a line) is not supported by the "
                    + "editor; put each key on its own line or edit by hand");
        }
        return prefix;
    }

    /**
     * Inserts one line at a line start {@code at}. At the end of a file without a final line break the break goes
     * before the new line instead, so that removing that line again restores the file exactly.
     */
    void insertLine(int at, String line) {
        insertLines(at, List.of(line));
    }

    void insertLines(int at, List<String> lines) {
        String separator = doc.lineSeparator();
        String joined = String.join(separator, lines);
        String text = doc.source().text();
        if (at == text.length() && !text.isEmpty() && !doc.source().endsWithLineBreak()) {
            plan.splice(at, at, separator + joined);
        } else {
            plan.splice(at, at, joined + separator);
        }
    }

    /**
     * Removes whole lines from {@code lineStart} to the end of the line holding {@code contentEnd}. The inverse of
     * {@link #insertLines}: at the end of a file without a final break, the break before the lines goes too.
     */
    void removeLines(int lineStart, int contentEnd) {
        SourceText source = doc.source();
        int end = source.lineEndAfter(contentEnd);
        int start = lineStart;
        if (end == source.length() && !source.endsWithLineBreak() && start > 0) {
            start = source.precedingBreakStart(start);
        }
        plan.splice(start, end, "");
    }
}
