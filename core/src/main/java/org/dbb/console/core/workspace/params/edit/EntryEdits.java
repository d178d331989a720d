package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEntry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Plans appending and removing whole entries of a parameter list. Confined to one edit. */
final class EntryEdits {

    private static final int DEFAULT_INDENT = 2;

    private final ParameterDocument doc;
    private final EditPlan plan;
    private final MappingEdits edits;

    EntryEdits(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.plan = plan;
        this.edits = new MappingEdits(doc, plan);
    }

    // ---- add

    void add(AddEntry edit) {
        NewEntry entry = edit.entry();
        check(entry);
        EntryRenderer rendered = new EntryRenderer(entry);
        ParameterKind kind = entry.kind();
        List<Integer> indexes = doc.rootPairIndexes(kind.yamlKey());
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
            throw doc.problem(value, kind + " is not a list of entries (an old dict format?); "
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
                throw doc.problem(root, "the file is one flow mapping ({...}); add " + kind + " by hand");
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
        lines.add(rootIndent + kind.yamlKey() + ":");
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
                    new ArrayList<>(List.of(new YamlData.DataPair(kind.yamlKey(), list))))));
        } else {
            plan.change(new DataChange.InsertPair(List.of(), root.getValue().size(), kind.yamlKey(), list));
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

    private void check(NewEntry entry) {
        String what = "the new " + entry.kind() + " entry";
        if (entry instanceof NewEntry.FindReplace e) {
            if (e.findValue().isEmpty()) {
                throw doc.problem(what + " needs a non-empty find_value");
            }
            if (e.regex() && !YamlText.canSingleQuote(e.findValue())) {
                throw doc.problem(what + ": a regex with line breaks or control characters cannot be written "
                        + "single-quoted; write them as \\n, \\t ... inside the pattern");
            }
            checkFilters(what, e.filters().itemType(), e.filters().itemName(), e.filters().filePath());
        } else if (entry instanceof NewEntry.KeyValueReplace e) {
            if (!e.findKey().startsWith("$")) {
                throw doc.problem(what + ": find_key must be a JSONPath starting with '$' (got '" + e.findKey() + "')");
            }
            checkFilters(what, e.filters().itemType(), e.filters().itemName(), e.filters().filePath());
        } else if (entry instanceof NewEntry.SparkPool e) {
            if (e.instancePoolId().isEmpty()) {
                throw doc.problem(what + " needs a non-empty instance_pool_id");
            }
            checkFilters(what, e.itemName());
        }
        checkEnvironments(what, entry);
    }

    @SafeVarargs
    private void checkFilters(String what, List<String>... filters) {
        for (List<String> filter : filters) {
            if (filter.stream().anyMatch(f -> f == null || f.isEmpty())) {
                throw doc.problem(what + ": filter values must be non-empty text");
            }
        }
    }

    private void checkEnvironments(String what, NewEntry entry) {
        Map<String, ?> values = entry.replaceValue();
        if (values.isEmpty()) {
            throw doc.problem(what + " needs at least one environment in replace_value");
        }
        boolean usesAll = values.keySet().stream().anyMatch(EnvironmentNames::isAll);
        if (usesAll && values.size() > 1) {
            throw doc.problem(what + ": '_ALL_' must be the only key of replace_value, but it has " + values.keySet());
        }
        Map<String, String> lowerCase = new HashMap<>();
        Map<String, Object> seen = new LinkedHashMap<>();
        ValueKind kind = ValueKind.of(entry.kind());
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String name = e.getKey();
            if (!EnvironmentNames.isAll(name)) {
                NewEnvironmentCheck.require(doc, name);
                String clash = lowerCase.put(name.toLowerCase(Locale.ROOT), name);
                if (clash != null) {
                    throw doc.problem(what + ": the environments '" + clash + "' and '" + name + "' differ only by "
                            + "letter case, which fabric-cicd treats as duplicates");
                }
            }
            Object value;
            try {
                value = ReplaceValueRules.normalize(kind, e.getValue());
                if (kind == ValueKind.KEY_VALUE_REPLACE) {
                    ReplaceValueRules.requireSameType(name, YamlData.ofJava(value), seen);
                }
            } catch (IllegalArgumentException ex) {
                throw doc.problem(what + ", environment '" + name + "': " + ex.getMessage());
            }
            seen.put(name, YamlData.ofJava(value));
        }
    }

    // ---- remove

    void remove(RemoveEntry edit) {
        EnvironmentMap target = ReplaceValueSetter.EntryLocator.entry(doc, edit.kind(), edit.entry());
        int rootIndex = target.path().get(0);
        int index = target.path().get(1);
        NodeTuple pair = doc.rootPair(rootIndex);
        SequenceNode list = (SequenceNode) pair.getValueNode();
        List<Node> items = list.getValue();
        if (items.size() == 1) {
            // An empty parameter is an error to fabric-cicd, so the last entry takes its key with it.
            edits.ownLineIndent(pair.getKeyNode());
            removeSection(doc.source().lineStart(doc.start(pair.getKeyNode())),
                    doc.source().lineEndAfter(doc.contentEnd(pair)));
            plan.change(new DataChange.RemovePair(List.of(), rootIndex));
            return;
        }
        if (ParameterDocument.isFlow(list)) {
            if (index > 0) {
                plan.splice(doc.contentEnd(items.get(index - 1)), doc.contentEnd(items.get(index)), "");
            } else {
                plan.splice(doc.start(items.get(0)), doc.start(items.get(1)), "");
            }
        } else {
            removeBlockItem(pair, list, index);
        }
        plan.change(new DataChange.RemoveItem(List.of(rootIndex), index));
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
