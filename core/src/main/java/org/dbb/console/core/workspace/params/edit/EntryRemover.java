package org.dbb.console.core.workspace.params.edit;

import java.util.List;

import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEntry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Plans removing one entry with its own lines, or its parameter when it is the only entry. Confined to one edit. */
final class EntryRemover {

    private final ParameterDocument doc;
    private final EditPlan plan;
    private final MappingEdits edits;

    EntryRemover(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.plan = plan;
        this.edits = new MappingEdits(doc, plan);
    }

    void remove(RemoveEntry edit) {
        if (edit.kind() == ParameterKind.SEMANTIC_MODEL_BINDING) {
            removeBinding(edit.entry());
            return;
        }
        EnvironmentMap target = doc.entryByNumber(edit.kind(), edit.entry());
        int rootIndex = target.path().get(0);
        int index = target.path().get(1);
        NodeTuple pair = doc.rootPair(rootIndex);
        SequenceNode list = (SequenceNode) pair.getValueNode();
        List<Node> items = list.getValue();
        if (items.size() == 1) {
            // An empty parameter is an error to fabric-cicd, so the last entry takes its key with it.
            removeRootPair(pair, rootIndex);
            return;
        }
        if (ParameterDocument.isFlow(list)) {
            removeFlowItem(list, index);
        } else {
            removeBlockItem(pair, list, index);
        }
        plan.change(new DataChange.RemoveItem(List.of(rootIndex), index));
    }

    /**
     * Removes the binding's {@code default} (0) or its N-th {@code models} entry. A section left empty goes with
     * its key, and a binding left empty goes whole, since fabric-cicd rejects an empty models list or binding.
     */
    private void removeBinding(int number) {
        String key = ParameterKind.SEMANTIC_MODEL_BINDING.key();
        List<Integer> indexes = doc.rootPairIndexes(key);
        if (indexes.size() != 1) {
            throw doc.problem(indexes.isEmpty() ? "the file has no " + key + " to remove an entry from"
                    : key + " appears " + indexes.size() + " times at the top level; merge them into one first");
        }
        int rootIndex = indexes.get(0);
        NodeTuple binding = doc.rootPair(rootIndex);
        if (!(binding.getValueNode() instanceof MappingNode mapping) || ParameterDocument.isFlow(mapping)) {
            throw doc.problem(binding.getValueNode(), key + " is not written as a block mapping with default and "
                    + "models (the deprecated list form?); remove the entry by hand");
        }
        int section = ParameterDocument.indexOfKey(mapping, number == 0 ? "default" : "models");
        if (section < 0) {
            throw doc.problem(binding.getKeyNode(), key + " has no " + (number == 0 ? "default" : "models")
                    + " section");
        }
        NodeTuple sectionPair = mapping.getValue().get(section);
        if (number > 0) {
            if (!(sectionPair.getValueNode() instanceof SequenceNode models)) {
                throw doc.problem(sectionPair.getValueNode(), key + ".models is not a list of entries");
            }
            int size = models.getValue().size();
            if (number > size) {
                throw doc.problem(sectionPair.getKeyNode(), key + ".models has " + size
                        + (size == 1 ? " entry" : " entries") + "; choose an entry number from 1 to " + size
                        + " (not " + number + ")");
            }
            if (size > 1) {
                if (ParameterDocument.isFlow(models)) {
                    removeFlowItem(models, number - 1);
                } else {
                    removeBlockItem(sectionPair, models, number - 1);
                }
                plan.change(new DataChange.RemoveItem(List.of(rootIndex, section), number - 1));
                return;
            }
        }
        if (mapping.getValue().size() == 1) {
            removeRootPair(binding, rootIndex);
            return;
        }
        SourceText source = doc.source();
        Node sectionKey = sectionPair.getKeyNode();
        edits.ownLineIndent(sectionKey);
        int column = doc.start(sectionKey) - source.lineStart(doc.start(sectionKey));
        int floor = source.lineEndAfter(section == 0 ? doc.contentEnd(binding.getKeyNode())
                : doc.contentEnd(mapping.getValue().get(section - 1)));
        int start = source.lineStart(doc.start(sectionKey));
        while (start > floor && source.isCommentLineAt(source.lineStart(start - 1), column)) {
            start = source.lineStart(start - 1);
        }
        removeSection(start, source.lineEndAfter(doc.contentEnd(sectionPair)));
        plan.change(new DataChange.RemovePair(List.of(rootIndex), section));
    }

    private void removeRootPair(NodeTuple pair, int rootIndex) {
        edits.ownLineIndent(pair.getKeyNode());
        removeSection(doc.source().lineStart(doc.start(pair.getKeyNode())),
                doc.source().lineEndAfter(doc.contentEnd(pair)));
        plan.change(new DataChange.RemovePair(List.of(), rootIndex));
    }

    private void removeFlowItem(SequenceNode list, int index) {
        List<Node> items = list.getValue();
        if (index > 0) {
            plan.splice(doc.contentEnd(items.get(index - 1)), doc.contentEnd(items.get(index)), "");
        } else {
            plan.splice(doc.start(items.get(0)), doc.start(items.get(1)), "");
        }
    }

    private void removeBlockItem(NodeTuple pair, SequenceNode list, int index) {
        SourceText source = doc.source();
        List<Node> items = list.getValue();
        Node item = items.get(index);
        int dash = dashOffset(list, index);
        edits.ownLineIndent(dash, item);
        int dashColumn = dash - source.lineStart(dash);
        // Comment lines directly above the dash, at the dash's own indentation, describe this item.
        int floor = source.lineEndAfter(index == 0
                ? doc.contentEnd(pair.getKeyNode())
                : doc.contentEnd(items.get(index - 1)));
        int start = source.lineStart(dash);
        while (start > floor && source.isCommentLineAt(source.lineStart(start - 1), dashColumn)) {
            start = source.lineStart(start - 1);
        }
        int end = source.lineEndAfter(doc.contentEnd(item));
        // Comment lines right after the item, indented into it (a commented-out field), are the item's too.
        while (end < source.length() && source.isCommentLineDeeperThan(end, dashColumn)) {
            end = source.lineEndAfter(end + 1);
        }
        removeSection(start, end);
    }

    /**
     * Removes the whole lines {@code [start, end)} of an entry or parameter together with one blank line that
     * separated it from its neighbours, so that no double blank line (or trailing blank line) is left behind.
     */
    private void removeSection(int start, int end) {
        SourceText source = doc.source();
        boolean blankBefore = start > 0 && source.isBlankLine(source.lineStart(start - 1));
        if (blankBefore && source.isBlankLine(end)) {
            end = source.lineEndAfter(end + 1);
        } else if (blankBefore && end == source.length()) {
            start = source.lineStart(start - 1);
        }
        edits.removeLines(start, end);
    }

    /** The offset of the dash that starts item {@code index} of a block list. */
    private int dashOffset(SequenceNode list, int index) {
        String text = doc.source().text();
        int from = index == 0 ? doc.start(list) : doc.contentEnd(list.getValue().get(index - 1));
        int itemStart = doc.start(list.getValue().get(index));
        int i = from;
        while (i < itemStart) {
            char c = text.charAt(i);
            if (c == '-') {
                return i;
            }
            if (c == '#') {
                int lf = text.indexOf('\n', i);
                i = lf < 0 ? itemStart : lf + 1;
            } else {
                i++;
            }
        }
        throw doc.problem(list.getValue().get(index), "cannot find the '-' that starts this list item; "
                + "remove it by hand");
    }
}
