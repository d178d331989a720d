package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.List;

import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Plans appending an entry to a parameter list, laid out like the list's other entries. Confined to one edit. */
final class EntryAppender {

    private static final int DEFAULT_INDENT = 2;

    private final ParameterDocument doc;
    private final EditPlan plan;
    private final MappingEdits edits;

    EntryAppender(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.plan = plan;
        this.edits = new MappingEdits(doc, plan);
    }

    void add(AddEntry edit) {
        NewEntry entry = edit.entry();
        NewEntryCheck.require(doc, entry);
        EntryRenderer rendered = new EntryRenderer(entry, environmentKeyStyle());
        if (entry instanceof NewEntry.ModelBinding) {
            addModel(rendered);
            return;
        }
        ParameterKind kind = entry.kind();
        List<Integer> indexes = doc.rootPairIndexes(kind.key());
        if (indexes.isEmpty()) {
            addParameter(kind.key(), List.of(), rendered);
            return;
        }
        if (indexes.size() > 1) {
            doc.singleListIndex(kind);
        }
        int rootIndex = indexes.get(0);
        NodeTuple pair = doc.rootPair(rootIndex);
        if (!appendToList(pair, List.of(rootIndex), "replace_value", rendered)) {
            throw doc.problem(pair.getValueNode(), kind.key() + " is not a list of entries (an old dict format?); "
                    + "convert it to the list format first");
        }
    }

    /**
     * Appends to the list that is {@code pair}'s value, or starts it under a key with nothing after it.
     *
     * @param pairPath the data path of the mapping holding {@code pair}, followed by the pair's index
     * @return false when the value is neither a list nor empty
     */
    private boolean appendToList(NodeTuple pair, List<Integer> pairPath, String mapKey, EntryRenderer rendered) {
        Node value = pair.getValueNode();
        if (value instanceof SequenceNode list && ParameterDocument.isFlow(list)) {
            appendToFlowList(list, rendered);
            plan.change(new DataChange.AppendItem(pairPath, rendered.data()));
        } else if (value instanceof SequenceNode list && !list.getValue().isEmpty()) {
            String dashIndent = edits.ownLineIndent(list);
            Node last = list.getValue().get(list.getValue().size() - 1);
            EntryRenderer.Layout layout = new EntryRenderer.Layout(dashIndent, keyOffset(list),
                    envOffset(list, mapKey));
            edits.insertLines(doc.source().lineEndAfter(doc.contentEnd(last)), rendered.blockLines(layout));
            plan.change(new DataChange.AppendItem(pairPath, rendered.data()));
        } else if (value instanceof ScalarNode scalar && scalar.getValue().isEmpty()
                && doc.start(scalar) == doc.contentEnd(scalar)) {
            // "find_replace:" with nothing after it: start the list under the key.
            String dashIndent = edits.ownLineIndent(pair.getKeyNode()) + " ".repeat(DEFAULT_INDENT);
            EntryRenderer.Layout layout = new EntryRenderer.Layout(dashIndent, DEFAULT_INDENT,
                    documentEnvOffset(mapKey));
            edits.insertLines(doc.source().lineEndAfter(doc.contentEnd(pair)), rendered.blockLines(layout));
            List<Integer> mapPath = pairPath.subList(0, pairPath.size() - 1);
            plan.change(new DataChange.ReplaceValue(mapPath, pairPath.get(pairPath.size() - 1),
                    new ArrayList<>(List.of(rendered.data()))));
        } else {
            return false;
        }
        return true;
    }

    /** Appends a {@code models} entry to the env-aware semantic_model_binding, adding what is missing. */
    private void addModel(EntryRenderer rendered) {
        String key = ParameterKind.SEMANTIC_MODEL_BINDING.key();
        List<Integer> indexes = doc.rootPairIndexes(key);
        if (indexes.isEmpty()) {
            addParameter(key, List.of("models"), rendered);
            return;
        }
        if (indexes.size() > 1) {
            throw doc.problem(doc.rootPair(indexes.get(1)).getKeyNode(), key + " appears " + indexes.size()
                    + " times at the top level; fabric-cicd rejects duplicate keys, so merge them into one first");
        }
        int rootIndex = indexes.get(0);
        NodeTuple binding = doc.rootPair(rootIndex);
        if (binding.getValueNode() instanceof SequenceNode) {
            throw doc.problem(binding.getValueNode(), key + " uses the deprecated list form, where one connection "
                    + "GUID serves every environment; convert it to the default/models form to add a model with "
                    + "connections per environment");
        }
        if (!(binding.getValueNode() instanceof MappingNode mapping) || ParameterDocument.isFlow(mapping)
                || mapping.getValue().isEmpty()) {
            throw doc.problem(binding.getValueNode(), key + " is not written as a block mapping with default and "
                    + "models; add the model by hand");
        }
        int models = ParameterDocument.indexOfKey(mapping, "models");
        if (models >= 0) {
            NodeTuple pair = mapping.getValue().get(models);
            if (!appendToList(pair, List.of(rootIndex, models), "connection_id", rendered)) {
                throw doc.problem(pair.getValueNode(), key + ".models is not a list of entries; fabric-cicd "
                        + "requires a non-empty list there, so fix it by hand first");
            }
            return;
        }
        // Only "default" is there: "models:" goes after the binding's last key, at that key's indentation.
        NodeTuple last = mapping.getValue().get(mapping.getValue().size() - 1);
        String indent = edits.ownLineIndent(mapping.getValue().get(0).getKeyNode());
        int step = Math.max(DEFAULT_INDENT, indent.length() - edits.ownLineIndent(binding.getKeyNode()).length());
        List<String> lines = new ArrayList<>();
        lines.add(indent + "models:");
        lines.addAll(rendered.blockLines(new EntryRenderer.Layout(indent + " ".repeat(step), DEFAULT_INDENT,
                documentEnvOffset("connection_id"))));
        edits.insertLines(doc.source().lineEndAfter(doc.contentEnd(last)), lines);
        plan.change(new DataChange.InsertPair(List.of(rootIndex), mapping.getValue().size(), "models",
                new ArrayList<>(List.of(rendered.data()))));
    }

    /** How the file writes environment keys: as its first environment key is written. */
    private ScalarStyle environmentKeyStyle() {
        for (EnvironmentMap env : doc.environmentMaps()) {
            for (NodeTuple pair : env.pairs()) {
                if (pair.getKeyNode() instanceof ScalarNode key) {
                    return key.getScalarStyle();
                }
            }
        }
        return ScalarStyle.PLAIN;
    }

    private void appendToFlowList(SequenceNode list, EntryRenderer rendered) {
        List<Node> items = list.getValue();
        if (items.isEmpty()) {
            int open = doc.start(list);
            plan.splice(open + 1, open + 1, rendered.flow());
        } else {
            int end = doc.contentEnd(items.get(items.size() - 1));
            plan.splice(end, end, ", " + rendered.flow());
        }
    }

    /**
     * Appends {@code key:} at the end of the file, after a blank line, with the entry in a list under it; each of
     * {@code nested} adds one mapping level between the key and the list ({@code semantic_model_binding: models:}).
     */
    private void addParameter(String key, List<String> nested, EntryRenderer rendered) {
        MappingNode root = doc.rootMapping();
        String rootIndent = "";
        if (root != null) {
            if (ParameterDocument.isFlow(root)) {
                throw doc.problem(root, "the file is one flow mapping ({...}); add " + key + " by hand");
            }
            rootIndent = edits.ownLineIndent(root.getValue().get(0).getKeyNode());
        }
        EntryRenderer.Layout layout = documentLayout(rootIndent);
        List<String> lines = new ArrayList<>();
        SourceText source = doc.source();
        String text = source.text();
        boolean endsWithBlankLine = source.endsWithLineBreak()
                && source.isBlankLine(source.lineStart(text.length() - 1));
        if (!text.isBlank() && !endsWithBlankLine) {
            lines.add("");
        }
        lines.add(rootIndent + key + ":");
        String indent = rootIndent;
        int step = Math.max(DEFAULT_INDENT, layout.dashIndent().length() - rootIndent.length());
        for (String level : nested) {
            indent += " ".repeat(step);
            lines.add(indent + level + ":");
        }
        if (!nested.isEmpty()) {
            layout = new EntryRenderer.Layout(indent + " ".repeat(step), layout.keyOffset(),
                    documentEnvOffset("connection_id"));
        }
        lines.addAll(rendered.blockLines(layout));
        if (!text.isEmpty() && !source.endsWithLineBreak()) {
            // The file's last line has no break: the new lines start with one, and the file keeps ending without.
            plan.splice(text.length(), text.length(),
                    doc.lineSeparator() + String.join(doc.lineSeparator(), lines));
        } else {
            plan.splice(text.length(), text.length(),
                    String.join(doc.lineSeparator(), lines) + doc.lineSeparator());
        }
        Object value = new ArrayList<>(List.of(rendered.data()));
        for (int i = nested.size() - 1; i >= 0; i--) {
            value = new YamlData.DataMap(new ArrayList<>(List.of(new YamlData.DataPair(nested.get(i), value))));
        }
        if (root == null) {
            plan.change(new DataChange.ReplaceRoot(new YamlData.DataMap(
                    new ArrayList<>(List.of(new YamlData.DataPair(key, value))))));
        } else {
            plan.change(new DataChange.InsertPair(List.of(), root.getValue().size(), key, value));
        }
    }

    /** The layout of the file's other block lists, so a new parameter looks like its neighbours. */
    private EntryRenderer.Layout documentLayout(String rootIndent) {
        MappingNode root = doc.rootMapping();
        if (root != null) {
            for (NodeTuple pair : root.getValue()) {
                if (pair.getValueNode() instanceof SequenceNode list && !ParameterDocument.isFlow(list)
                        && !list.getValue().isEmpty()) {
                    String prefix = doc.source().linePrefix(doc.start(list));
                    if (SourceText.isWhitespace(prefix)) {
                        return new EntryRenderer.Layout(prefix, keyOffset(list), documentEnvOffset("replace_value"));
                    }
                }
            }
        }
        return new EntryRenderer.Layout(rootIndent + " ".repeat(DEFAULT_INDENT), DEFAULT_INDENT,
                documentEnvOffset("replace_value"));
    }

    /** How far the last item's first key sits right of its dash, when they share a line. */
    private int keyOffset(SequenceNode list) {
        Node last = list.getValue().get(list.getValue().size() - 1);
        String prefix = doc.source().linePrefix(doc.start(last));
        return prefix.strip().equals("-") ? prefix.length() - prefix.indexOf('-') : DEFAULT_INDENT;
    }

    /** How far environment keys sit right of {@code mapKey} ({@code replace_value}) in this list's entries. */
    private int envOffset(SequenceNode list, String mapKey) {
        for (Node item : list.getValue()) {
            int offset = envOffsetOf(item, mapKey);
            if (offset > 0) {
                return offset;
            }
        }
        return documentEnvOffset(mapKey);
    }

    private int documentEnvOffset(String mapKey) {
        for (EnvironmentMap env : doc.environmentMaps()) {
            if (env.map() != null && env.path().size() >= 3) {
                int offset = envOffsetOf(env.owner(), mapKey);
                if (offset > 0) {
                    return offset;
                }
            }
        }
        return DEFAULT_INDENT;
    }

    private static int envOffsetOf(Node item, String mapKey) {
        if (item instanceof MappingNode entry && !ParameterDocument.isFlow(entry)) {
            int index = ParameterDocument.indexOfKey(entry, mapKey);
            if (index >= 0 && entry.getValue().get(index).getValueNode() instanceof MappingNode map
                    && !ParameterDocument.isFlow(map) && !map.getValue().isEmpty()) {
                int keyColumn = entry.getValue().get(index).getKeyNode().getStartMark().getColumn();
                return map.getValue().get(0).getKeyNode().getStartMark().getColumn() - keyColumn;
            }
        }
        return -1;
    }
}
