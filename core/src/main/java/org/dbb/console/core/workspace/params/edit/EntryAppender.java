package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.List;

import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
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
        EntryRenderer rendered = new EntryRenderer(entry);
        ParameterKind kind = entry.kind();
        List<Integer> indexes = doc.rootPairIndexes(kind.key());
        if (indexes.isEmpty()) {
            addParameter(kind, rendered);
            return;
        }
        if (indexes.size() > 1) {
            doc.singleListIndex(kind);
        }
        int rootIndex = indexes.get(0);
        NodeTuple pair = doc.rootPair(rootIndex);
        Node value = pair.getValueNode();
        if (value instanceof SequenceNode list && ParameterDocument.isFlow(list)) {
            appendToFlowList(list, rendered);
            plan.change(new DataChange.AppendItem(List.of(rootIndex), rendered.data()));
        } else if (value instanceof SequenceNode list) {
            String dashIndent = edits.ownLineIndent(list);
            Node last = list.getValue().get(list.getValue().size() - 1);
            EntryRenderer.Layout layout = new EntryRenderer.Layout(dashIndent, keyOffset(list), envOffset(list));
            edits.insertLines(doc.source().lineEndAfter(doc.contentEnd(last)), rendered.blockLines(layout));
            plan.change(new DataChange.AppendItem(List.of(rootIndex), rendered.data()));
        } else if (value instanceof ScalarNode scalar && scalar.getValue().isEmpty()
                && doc.start(scalar) == doc.contentEnd(scalar)) {
            // "find_replace:" with nothing after it: start the list under the key.
            String dashIndent = edits.ownLineIndent(pair.getKeyNode()) + " ".repeat(DEFAULT_INDENT);
            EntryRenderer.Layout layout = new EntryRenderer.Layout(dashIndent, DEFAULT_INDENT, documentEnvOffset());
            edits.insertLines(doc.source().lineEndAfter(doc.contentEnd(pair)), rendered.blockLines(layout));
            plan.change(new DataChange.ReplaceValue(List.of(), rootIndex, List.of(rendered.data())));
        } else {
            throw doc.problem(value, kind.key() + " is not a list of entries (an old dict format?); "
                    + "convert it to the list format first");
        }
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

    /** Appends {@code kind: [entry]} at the end of the file, after a blank line. */
    private void addParameter(ParameterKind kind, EntryRenderer rendered) {
        MappingNode root = doc.rootMapping();
        String rootIndent = "";
        if (root != null) {
            if (ParameterDocument.isFlow(root)) {
                throw doc.problem(root, "the file is one flow mapping ({...}); add " + kind.key() + " by hand");
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
        lines.add(rootIndent + kind.key() + ":");
        lines.addAll(rendered.blockLines(layout));
        if (!text.isEmpty() && !source.endsWithLineBreak()) {
            // The file's last line has no break: the new lines start with one, and the file keeps ending without.
            plan.splice(text.length(), text.length(),
                    doc.lineSeparator() + String.join(doc.lineSeparator(), lines));
        } else {
            plan.splice(text.length(), text.length(),
                    String.join(doc.lineSeparator(), lines) + doc.lineSeparator());
        }
        Object list = new ArrayList<>(List.of(rendered.data()));
        if (root == null) {
            plan.change(new DataChange.ReplaceRoot(new YamlData.DataMap(
                    new ArrayList<>(List.of(new YamlData.DataPair(kind.key(), list))))));
        } else {
            plan.change(new DataChange.InsertPair(List.of(), root.getValue().size(), kind.key(), list));
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
                        return new EntryRenderer.Layout(prefix, keyOffset(list), documentEnvOffset());
                    }
                }
            }
        }
        return new EntryRenderer.Layout(rootIndent + " ".repeat(DEFAULT_INDENT), DEFAULT_INDENT, documentEnvOffset());
    }

    /** How far the last item's first key sits right of its dash, when they share a line. */
    private int keyOffset(SequenceNode list) {
        Node last = list.getValue().get(list.getValue().size() - 1);
        String prefix = doc.source().linePrefix(doc.start(last));
        return prefix.strip().equals("-") ? prefix.length() - prefix.indexOf('-') : DEFAULT_INDENT;
    }

    /** How far environment keys sit right of {@code replace_value} in this list's entries. */
    private int envOffset(SequenceNode list) {
        for (Node item : list.getValue()) {
            int offset = envOffsetOf(item);
            if (offset > 0) {
                return offset;
            }
        }
        return documentEnvOffset();
    }

    private int documentEnvOffset() {
        for (EnvironmentMap env : doc.environmentMaps()) {
            if (env.map() != null && env.path().size() == 3) {
                int offset = envOffsetOf(env.owner());
                if (offset > 0) {
                    return offset;
                }
            }
        }
        return DEFAULT_INDENT;
    }

    private static int envOffsetOf(Node item) {
        if (item instanceof MappingNode entry && !ParameterDocument.isFlow(entry)) {
            int index = ParameterDocument.indexOfKey(entry, "replace_value");
            if (index >= 0 && entry.getValue().get(index).getValueNode() instanceof MappingNode map
                    && !ParameterDocument.isFlow(map) && !map.getValue().isEmpty()) {
                int keyColumn = entry.getValue().get(index).getKeyNode().getStartMark().getColumn();
                return map.getValue().get(0).getKeyNode().getStartMark().getColumn() - keyColumn;
            }
        }
        return -1;
    }
}
