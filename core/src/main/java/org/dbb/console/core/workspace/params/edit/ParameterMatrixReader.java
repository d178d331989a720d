package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a parameter.yml as a {@link ParameterMatrix}, numbering entries exactly as {@link ParameterFileEditor}'s
 * edits address them. Reads any file that is valid YAML, including ones fabric-cicd rejects, so that an editor can
 * show what is there while the problems are fixed. Stateless and thread-safe.
 */
public final class ParameterMatrixReader {

    private static final String BINDING = "semantic_model_binding";

    /**
     * The main file's entries only; reads nothing from disk.
     *
     * @throws InvalidInputException when the text is not one valid YAML document, positioned where it breaks
     */
    public ParameterMatrix read(TextFile main) {
        ParameterDocument doc = ParameterDocument.parse(main);
        List<MatrixRow> rows = rows(doc, false);
        return new ParameterMatrix(doc.path(), environments(rows), rows, List.of());
    }

    /**
     * The main file's entries followed by those of its {@code extend} templates, read from disk relative to the
     * main file's folder. A template that cannot be read is left out with a note, as fabric-cicd skips it.
     *
     * @throws InvalidInputException when the main text is not one valid YAML document
     */
    public ParameterMatrix readWithTemplates(TextFile main) {
        ParameterDocument doc = ParameterDocument.parse(main);
        List<MatrixRow> rows = new ArrayList<>(rows(doc, false));
        List<Problem> notes = new ArrayList<>();
        Path folder = doc.path().toAbsolutePath().getParent();
        Set<Path> seen = new LinkedHashSet<>();
        for (ScalarNode reference : templateReferences(doc)) {
            int line = reference.getStartMark().getLine() + 1;
            int column = reference.getStartMark().getColumn() + 1;
            Path path;
            try {
                path = folder.resolve(reference.getValue()).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                notes.add(Problem.warning(doc.path(), line, column, "the template path '" + reference.getValue()
                        + "' is not a valid path; its entries are not shown"));
                continue;
            }
            if (!seen.add(path)) {
                continue;
            }
            if (!Files.isRegularFile(path)) {
                notes.add(Problem.warning(doc.path(), line, column, "the template " + reference.getValue()
                        + " was not found (looked for " + path + "); fabric-cicd skips it, so its entries are not"
                        + " shown"));
                continue;
            }
            try {
                ParameterDocument template = ParameterDocument.parse(TextFile.read(path));
                rows.addAll(rows(template, true));
            } catch (InvalidInputException e) {
                Problem first = e.problems().get(0);
                notes.add(Problem.warning(path, first.line(), first.column(), "the template cannot be shown: "
                        + first.message()));
            }
        }
        return new ParameterMatrix(doc.path(), environments(rows), rows, notes);
    }

    private static List<ScalarNode> templateReferences(ParameterDocument doc) {
        List<ScalarNode> references = new ArrayList<>();
        MappingNode root = rootOrNull(doc);
        if (root == null) {
            return references;
        }
        for (NodeTuple pair : root.getValue()) {
            if ("extend".equals(EnvironmentMap.keyOf(pair)) && pair.getValueNode() instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    if (item instanceof ScalarNode scalar) {
                        references.add(scalar);
                    }
                }
            }
        }
        return references;
    }

    private static MappingNode rootOrNull(ParameterDocument doc) {
        try {
            return doc.rootMapping();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static List<String> environments(List<MatrixRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (MatrixRow row : rows) {
            for (MatrixCell cell : row.cells()) {
                if (!cell.isAll()) {
                    names.add(cell.environment());
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<MatrixRow> rows(ParameterDocument doc, boolean template) {
        List<MatrixRow> rows = new ArrayList<>();
        MappingNode root = rootOrNull(doc);
        if (root == null) {
            return rows;
        }
        List<NodeTuple> pairs = root.getValue();
        for (int p = 0; p < pairs.size(); p++) {
            String key = EnvironmentMap.keyOf(pairs.get(p));
            Node value = pairs.get(p).getValueNode();
            for (ParameterKind kind : EditableKinds.ALL) {
                if (kind.key().equals(key) && value instanceof SequenceNode list) {
                    for (int i = 0; i < list.getValue().size(); i++) {
                        EnvironmentMap env = doc.entryMap(kind, p, i);
                        rows.add(row(doc, kind, i + 1, list.getValue().get(i), env, template));
                    }
                }
            }
            if (BINDING.equals(key)) {
                bindingRows(doc, value, p, template, rows);
            }
        }
        return rows;
    }

    private static MatrixRow row(ParameterDocument doc, ParameterKind kind, int number, Node item, EnvironmentMap env,
                                 boolean template) {
        MappingNode entry = item instanceof MappingNode m ? m : null;
        String label = switch (kind) {
            case FIND_REPLACE -> text(entry, "find_value");
            case KEY_VALUE_REPLACE -> text(entry, "find_key");
            case SPARK_POOL -> text(entry, "instance_pool_id");
            case SEMANTIC_MODEL_BINDING -> "";
        };
        List<String> details = new ArrayList<>();
        if ("true".equalsIgnoreCase(text(entry, "is_regex"))) {
            details.add("regex");
        }
        if ("true".equalsIgnoreCase(text(entry, "ignore_case"))) {
            details.add("ignore case");
        }
        for (String filter : List.of("item_type", "item_name", "file_path")) {
            String shown = text(entry, filter);
            if (!shown.isEmpty()) {
                details.add(filter + ": " + shown);
            }
        }
        return new MatrixRow(kind, number, label, String.join(" · ", details), doc.path(),
                item.getStartMark().getLine() + 1, template, env.map() != null, cells(doc, env, kind));
    }

    private static void bindingRows(ParameterDocument doc, Node value, int rootIndex, boolean template,
                                    List<MatrixRow> rows) {
        Map<String, EnvironmentMap> maps = new LinkedHashMap<>();
        for (EnvironmentMap env : doc.environmentMaps()) {
            if (env.kind() == ValueKind.CONNECTION_ID && env.path().get(0) == rootIndex) {
                maps.put(env.label(), env);
            }
        }
        if (value instanceof MappingNode binding) {
            for (NodeTuple section : binding.getValue()) {
                String name = EnvironmentMap.keyOf(section);
                if ("default".equals(name)) {
                    EnvironmentMap env = maps.get(BINDING + " default connection_id");
                    rows.add(new MatrixRow(ParameterKind.SEMANTIC_MODEL_BINDING, 0, "default connection",
                            "every semantic model not listed under models", doc.path(),
                            section.getKeyNode().getStartMark().getLine() + 1, template, env != null,
                            env == null ? List.of() : cells(doc, env, ParameterKind.SEMANTIC_MODEL_BINDING)));
                } else if ("models".equals(name) && section.getValueNode() instanceof SequenceNode models) {
                    for (int m = 0; m < models.getValue().size(); m++) {
                        Node model = models.getValue().get(m);
                        EnvironmentMap env = maps.get(BINDING + " models entry " + (m + 1) + " connection_id");
                        rows.add(new MatrixRow(ParameterKind.SEMANTIC_MODEL_BINDING, m + 1,
                                text(model instanceof MappingNode mm ? mm : null, "semantic_model_name"),
                                "semantic model connection", doc.path(), model.getStartMark().getLine() + 1,
                                template, env != null,
                                env == null ? List.of() : cells(doc, env, ParameterKind.SEMANTIC_MODEL_BINDING)));
                    }
                }
            }
        } else if (value instanceof SequenceNode legacy) {
            for (int m = 0; m < legacy.getValue().size(); m++) {
                Node model = legacy.getValue().get(m);
                MappingNode entry = model instanceof MappingNode mm ? mm : null;
                rows.add(new MatrixRow(ParameterKind.SEMANTIC_MODEL_BINDING, m + 1,
                        text(entry, "semantic_model_name"), "legacy list form: connection "
                        + text(entry, "connection_id") + " for every environment", doc.path(),
                        model.getStartMark().getLine() + 1, template, false, List.of()));
            }
        }
    }

    private static List<MatrixCell> cells(ParameterDocument doc, EnvironmentMap env, ParameterKind kind) {
        List<MatrixCell> cells = new ArrayList<>();
        List<String> keys = env.keys();
        for (int i = 0; i < keys.size(); i++) {
            Object data = dataAt(doc.data(), env.valuePath(i));
            Object value = toJava(data);
            cells.add(new MatrixCell(keys.get(i), value, YamlData.pythonType(data), editText(kind, value)));
        }
        return cells;
    }

    private static Object dataAt(Object root, List<Integer> path) {
        Object current = root;
        for (int step : path) {
            current = current instanceof YamlData.DataMap map ? map.pairs().get(step).value()
                    : ((List<?>) current).get(step);
        }
        return current;
    }

    private static Object toJava(Object data) {
        if (data instanceof YamlData.DataMap map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.pairs().forEach(p -> out.put(toJava(p.key()), toJava(p.value())));
            return out;
        }
        if (data instanceof List<?> list) {
            return list.stream().map(ParameterMatrixReader::toJava).toList();
        }
        if (data instanceof YamlData.TaggedScalar tagged) {
            return tagged.value();
        }
        return data;
    }

    /**
     * find_replace values are always text, so they are edited as typed; other values are YAML flow values, and
     * text is quoted only where reading it back unquoted would give something else.
     */
    static String editText(ParameterKind kind, Object value) {
        if (value instanceof String s) {
            return kind == ParameterKind.FIND_REPLACE || readsBackAs(s) ? s : YamlText.doubleQuoted(s);
        }
        if (value == null) {
            return "";
        }
        return flow(value);
    }

    /** Like {@link YamlText#flow} but leaves text inside lists and maps unquoted where that reads back the same. */
    private static String flow(Object value) {
        if (value instanceof String s) {
            return YamlText.isPlainSafe(s) ? s : YamlText.doubleQuoted(s);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(flow(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            map.forEach((k, v) -> items.add(flow(k) + ": " + flow(v)));
            return "{" + String.join(", ", items) + "}";
        }
        try {
            return YamlText.flow(value);
        } catch (IllegalArgumentException e) {
            return String.valueOf(value);
        }
    }

    private static boolean readsBackAs(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Object read = new Yaml(new SafeConstructor(new LoaderOptions())).load(s);
            return s.equals(read);
        } catch (YAMLException e) {
            return false;
        }
    }

    private static String text(MappingNode entry, String key) {
        if (entry == null) {
            return "";
        }
        int index = ParameterDocument.indexOfKey(entry, key);
        if (index < 0) {
            return "";
        }
        Node value = entry.getValue().get(index).getValueNode();
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (value instanceof SequenceNode list) {
            List<String> items = new ArrayList<>();
            for (Node item : list.getValue()) {
                items.add(item instanceof ScalarNode s ? s.getValue() : "…");
            }
            return String.join(", ", items);
        }
        return "…";
    }
}
