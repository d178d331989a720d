package org.dbb.console.core.workspace.params.edit;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A parsed parameter.yml: its text, SnakeYAML's node tree with positions, and the data it holds. Finds the
 * parameter lists and environment maps the edits work on and turns node positions into text offsets and problem
 * reports. Immutable after construction; not shared between threads.
 */
final class ParameterDocument {

    private static final String SEMANTIC_MODEL_BINDING = "semantic_model_binding";

    private final TextFile file;
    private final SourceText source;
    private final Node root;
    private final Object data;

    private ParameterDocument(TextFile file, Node root, Object data) {
        this.file = file;
        this.source = new SourceText(file.text());
        this.root = root;
        this.data = data;
    }

    /**
     * Composes the file's text.
     *
     * @throws InvalidInputException when the text is not one valid YAML document
     */
    static ParameterDocument parse(TextFile file) {
        Node root;
        try {
            root = compose(file.text());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new InvalidInputException(Problem.error(path(file), mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    "the file is not valid YAML (" + what + "); fix the YAML here before editing it"));
        } catch (YAMLException e) {
            throw new InvalidInputException(Problem.error(path(file), 0, 0,
                    "the file is not valid YAML (" + e.getMessage() + "); fix it before editing it"));
        }
        try {
            return new ParameterDocument(file, root, YamlData.of(root));
        } catch (IllegalStateException e) {
            throw new InvalidInputException(Problem.error(path(file), 0, 0,
                    "the file holds a " + e.getMessage() + ", which parameter.yml cannot use; remove it first"));
        }
    }

    /** A single YAML document's node tree, or null when the text holds no document (empty or comments only). */
    static Node compose(String text) {
        return new Yaml(new LoaderOptions()).compose(new StringReader(text));
    }

    private static Path path(TextFile file) {
        return file.path() == null ? Path.of("parameter.yml") : file.path();
    }

    Path path() {
        return path(file);
    }

    SourceText source() {
        return source;
    }

    /** The data the document holds, shared: copy it before changing it. */
    Object data() {
        return data;
    }

    String lineSeparator() {
        return file.lineSeparator();
    }

    // ---- positions

    int offset(Mark mark) {
        return source.offset(mark);
    }

    int start(Node node) {
        return offset(node.getStartMark());
    }

    /**
     * The offset just past the node's last character of content. Block collections' own end marks lie at the next
     * token, after any comments and blank lines that follow, so their end is taken from their last child.
     */
    int contentEnd(Node node) {
        if (node instanceof ScalarNode scalar) {
            int end = offset(scalar.getEndMark());
            if (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED) {
                // A block scalar's end mark includes its closing line breaks; keep them out of the value's span.
                String text = source.text();
                int start = start(scalar);
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            }
            return end;
        }
        CollectionNode<?> collection = (CollectionNode<?>) node;
        if (collection.getFlowStyle() == FlowStyle.FLOW) {
            return offset(node.getEndMark());
        }
        int end = start(node);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple pair : mapping.getValue()) {
                end = Math.max(end, contentEnd(pair));
            }
        } else {
            for (Node item : ((SequenceNode) node).getValue()) {
                end = Math.max(end, contentEnd(item));
            }
        }
        return end;
    }

    int contentEnd(NodeTuple pair) {
        return Math.max(contentEnd(pair.getKeyNode()), contentEnd(pair.getValueNode()));
    }

    static boolean isFlow(Node node) {
        return node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.FLOW;
    }

    // ---- problems

    InvalidInputException problem(Node at, String message) {
        return new InvalidInputException(problemAt(at, message, false));
    }

    InvalidInputException problem(String message) {
        return new InvalidInputException(Problem.error(path(), 0, 0, message));
    }

    Problem note(Node at, String message) {
        return problemAt(at, message, true);
    }

    private Problem problemAt(Node at, String message, boolean warning) {
        int line = at == null ? 0 : at.getStartMark().getLine() + 1;
        int column = at == null ? 0 : at.getStartMark().getColumn() + 1;
        return warning ? Problem.warning(path(), line, column, message) : Problem.error(path(), line, column, message);
    }

    /**
     * Refuses a pair whose value is a YAML alias: the alias node is the anchored node, so its position is that of
     * the anchor, and splicing there would change every use of the anchor.
     */
    void requireOwnText(NodeTuple pair) {
        if (start(pair.getValueNode()) < offset(pair.getKeyNode().getEndMark())) {
            throw problem(pair.getKeyNode(), "this value is a YAML alias (*name); the editor only changes values "
                    + "written in place, so edit it by hand");
        }
    }

    // ---- structure

    /** The top-level mapping, or null when the document is empty. */
    MappingNode rootMapping() {
        if (root == null) {
            return null;
        }
        if (root instanceof MappingNode mapping) {
            return mapping;
        }
        throw problem(root, "the top level of parameter.yml must be a mapping of parameter names "
                + "(find_replace, key_value_replace, spark_pool, semantic_model_binding)");
    }

    /** Indexes of the top-level pairs named {@code key}; more than one only in a file fabric-cicd rejects. */
    List<Integer> rootPairIndexes(String key) {
        List<Integer> indexes = new ArrayList<>();
        MappingNode mapping = rootMapping();
        if (mapping != null) {
            List<NodeTuple> pairs = mapping.getValue();
            for (int i = 0; i < pairs.size(); i++) {
                if (key.equals(EnvironmentMap.keyOf(pairs.get(i)))) {
                    indexes.add(i);
                }
            }
        }
        return indexes;
    }

    NodeTuple rootPair(int index) {
        return rootMapping().getValue().get(index);
    }

    /**
     * The one list of entries of {@code kind}.
     *
     * @throws InvalidInputException when the parameter is absent, appears twice, or is not a list
     */
    int singleListIndex(ParameterKind kind) {
        List<Integer> indexes = rootPairIndexes(kind.key());
        if (indexes.isEmpty()) {
            throw problem("the file has no " + kind.key() + " parameter; add an entry to create it");
        }
        if (indexes.size() > 1) {
            NodeTuple second = rootPair(indexes.get(1));
            throw problem(second.getKeyNode(), kind.key() + " appears " + indexes.size() + " times at the top level; "
                    + "fabric-cicd rejects duplicate keys, so merge the lists into one first");
        }
        Node value = rootPair(indexes.get(0)).getValueNode();
        if (!(value instanceof SequenceNode)) {
            throw problem(value, kind.key() + " is not a list of entries (an old dict format?); "
                    + "convert it to the list format first");
        }
        return indexes.get(0);
    }

    /**
     * The environment map of an entry given by its 1-based number, as fabric-cicd's messages count.
     *
     * @throws InvalidInputException when the parameter is missing or malformed, the number is out of range, or the
     *                               kind is semantic_model_binding, whose entries are not edited by number
     */
    EnvironmentMap entryByNumber(ParameterKind kind, int number) {
        if (!EditableKinds.isEditable(kind)) {
            throw problem(EditableKinds.notEditable(kind));
        }
        int rootIndex = singleListIndex(kind);
        int size = ((SequenceNode) rootPair(rootIndex).getValueNode()).getValue().size();
        if (number < 1 || number > size) {
            throw problem(rootPair(rootIndex).getKeyNode(), kind.key() + " has " + size
                    + (size == 1 ? " entry" : " entries") + "; choose an entry number from 1 to " + size
                    + " (not " + number + ")");
        }
        return entryMap(kind, rootIndex, number - 1);
    }

    /** The environment map of entry {@code itemIndex} (0-based) of the list at top-level pair {@code rootIndex}. */
    EnvironmentMap entryMap(ParameterKind kind, int rootIndex, int itemIndex) {
        SequenceNode list = (SequenceNode) rootPair(rootIndex).getValueNode();
        Node item = list.getValue().get(itemIndex);
        String label = kind.key() + " entry " + (itemIndex + 1);
        if (item instanceof MappingNode entry) {
            List<NodeTuple> pairs = entry.getValue();
            for (int i = 0; i < pairs.size(); i++) {
                if ("replace_value".equals(EnvironmentMap.keyOf(pairs.get(i)))
                        && pairs.get(i).getValueNode() instanceof MappingNode map) {
                    return new EnvironmentMap(ValueKind.of(kind), label, item, map, List.of(rootIndex, itemIndex, i));
                }
            }
        }
        return new EnvironmentMap(ValueKind.of(kind), label, item, null, List.of(rootIndex, itemIndex));
    }

    /** Every environment map in document order, including entries that lack one (with a null map). */
    List<EnvironmentMap> environmentMaps() {
        List<EnvironmentMap> maps = new ArrayList<>();
        MappingNode mapping = rootMapping();
        if (mapping == null) {
            return maps;
        }
        List<NodeTuple> pairs = mapping.getValue();
        for (int p = 0; p < pairs.size(); p++) {
            String key = EnvironmentMap.keyOf(pairs.get(p));
            Node value = pairs.get(p).getValueNode();
            for (ParameterKind kind : EditableKinds.ALL) {
                if (kind.key().equals(key) && value instanceof SequenceNode list) {
                    for (int i = 0; i < list.getValue().size(); i++) {
                        maps.add(entryMap(kind, p, i));
                    }
                }
            }
            if (SEMANTIC_MODEL_BINDING.equals(key) && value instanceof MappingNode binding) {
                addConnectionMaps(maps, binding, p);
            }
        }
        return maps;
    }

    // Only the env-aware dict form has environment maps; the legacy list form holds plain GUID strings.
    private static void addConnectionMaps(List<EnvironmentMap> maps, MappingNode binding, int rootIndex) {
        List<NodeTuple> sections = binding.getValue();
        for (int s = 0; s < sections.size(); s++) {
            String section = EnvironmentMap.keyOf(sections.get(s));
            Node value = sections.get(s).getValueNode();
            if ("default".equals(section) && value instanceof MappingNode defaults) {
                int c = indexOfKey(defaults, "connection_id");
                if (c >= 0 && defaults.getValue().get(c).getValueNode() instanceof MappingNode map) {
                    maps.add(new EnvironmentMap(ValueKind.CONNECTION_ID,
                            SEMANTIC_MODEL_BINDING + " default connection_id", defaults, map,
                            List.of(rootIndex, s, c)));
                }
            } else if ("models".equals(section) && value instanceof SequenceNode models) {
                for (int m = 0; m < models.getValue().size(); m++) {
                    if (models.getValue().get(m) instanceof MappingNode model) {
                        int c = indexOfKey(model, "connection_id");
                        if (c >= 0 && model.getValue().get(c).getValueNode() instanceof MappingNode map) {
                            maps.add(new EnvironmentMap(ValueKind.CONNECTION_ID,
                                    SEMANTIC_MODEL_BINDING + " models entry " + (m + 1) + " connection_id", model,
                                    map, List.of(rootIndex, s, m, c)));
                        }
                    }
                }
            }
        }
    }

    /**
     * The connection_id mapping of the env-aware semantic_model_binding: {@code default} for 0, else the N-th
     * {@code models} entry (1-based).
     *
     * @throws InvalidInputException when the binding, the entry or its connection_id mapping is missing
     */
    EnvironmentMap connectionMap(int model) {
        String label = SEMANTIC_MODEL_BINDING + (model == 0 ? " default connection_id"
                : " models entry " + model + " connection_id");
        for (EnvironmentMap map : environmentMaps()) {
            if (map.kind() == ValueKind.CONNECTION_ID && map.label().equals(label)) {
                return map;
            }
        }
        throw problem("the file has no " + label + " mapping (environment → GUID); add it by hand first, e.g. "
                + "connection_id: {PROD: \"<GUID>\"}");
    }

    static int indexOfKey(MappingNode mapping, String key) {
        List<NodeTuple> pairs = mapping.getValue();
        for (int i = 0; i < pairs.size(); i++) {
            if (key.equals(EnvironmentMap.keyOf(pairs.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The environment names used anywhere in the file, in order of first use, without {@code _ALL_}. */
    Set<String> environmentNames() {
        Set<String> names = new LinkedHashSet<>();
        for (EnvironmentMap map : environmentMaps()) {
            for (String key : map.keys()) {
                if (!EnvironmentNames.isAll(key)) {
                    names.add(key);
                }
            }
        }
        return names;
    }
}
