package org.dbb.console.core.workspace.params.picker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * A JSON definition file parsed into the picker's tree of {@link DefinitionNode}s, with the parsed document kept
 * for evaluating {@code find_key}s against it. Immutable.
 *
 * @param file     the file it was read from
 * @param root     the document's root node
 * @param document the parsed JSON as maps, lists and values, for {@link FindKeyMatches}
 */
public record DefinitionTree(Path file, DefinitionNode root, Object document) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREVIEW_LENGTH = 80;

    /**
     * Parses {@code text}.
     *
     * @throws InvalidInputException naming the file, line and column when the text is not JSON
     */
    public static DefinitionTree parse(Path file, String text) {
        JsonNode document;
        try {
            document = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(Problem.error(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not a JSON file (" + e.getOriginalMessage()
                            + "); key_value_replace can only point into JSON or YAML files"));
        }
        if (document == null || document.isMissingNode()) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "the file is empty, so it has no JSON to"
                    + " point into"));
        }
        return new DefinitionTree(file, node("$", List.of(), document), JSON.convertValue(document, Object.class));
    }

    /** The node at a canonical path ({@code $['a'][0]}), when the tree has it. */
    public Optional<DefinitionNode> find(String canonicalPath) {
        return find(root, canonicalPath);
    }

    private static Optional<DefinitionNode> find(DefinitionNode node, String path) {
        String here = node.canonicalPath();
        if (here.equals(path)) {
            return Optional.of(node);
        }
        if (!path.startsWith(here)) {
            return Optional.empty();
        }
        for (DefinitionNode child : node.children()) {
            Optional<DefinitionNode> found = find(child, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static DefinitionNode node(String label, List<JsonPathNames.Step> steps, JsonNode value) {
        JsonKind kind = JsonKind.of(value);
        List<DefinitionNode> children = new ArrayList<>();
        String preview;
        if (kind == JsonKind.OBJECT) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                children.add(node(field.getKey(), extend(steps, new JsonPathNames.Key(field.getKey())),
                        field.getValue()));
            }
            preview = "{" + children.size() + (children.size() == 1 ? " key}" : " keys}");
        } else if (kind == JsonKind.ARRAY) {
            for (int i = 0; i < value.size(); i++) {
                children.add(node("[" + i + "]", extend(steps, new JsonPathNames.Index(i)), value.get(i)));
            }
            preview = "[" + children.size() + (children.size() == 1 ? " item]" : " items]");
        } else {
            String text = value.toString();
            preview = text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH - 1) + "…" : text;
        }
        return new DefinitionNode(label, steps, kind, preview, children);
    }

    private static List<JsonPathNames.Step> extend(List<JsonPathNames.Step> steps, JsonPathNames.Step step) {
        List<JsonPathNames.Step> out = new ArrayList<>(steps);
        out.add(step);
        return out;
    }
}
