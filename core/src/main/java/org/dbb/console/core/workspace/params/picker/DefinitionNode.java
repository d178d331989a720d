package org.dbb.console.core.workspace.params.picker;

import java.util.List;
import java.util.Objects;

/**
 * One node of a JSON definition file as the picker shows it. Immutable.
 *
 * @param label    the member name, {@code [i]} for an array element, {@code $} for the root
 * @param steps    how the node is reached from the root
 * @param kind     its JSON type
 * @param preview  the value for a leaf ({@code "text"}, {@code 42}, {@code true}), the size for a container
 * @param children members or elements, in file order
 */
public record DefinitionNode(String label, List<JsonPathNames.Step> steps, JsonKind kind, String preview,
                             List<DefinitionNode> children) {

    public DefinitionNode {
        Objects.requireNonNull(label, "label");
        steps = List.copyOf(steps);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(preview, "preview");
        children = List.copyOf(children);
    }

    /** The plain JSONPath that selects exactly this node, e.g. {@code $.properties.parameters.env.defaultValue}. */
    public String findKey() {
        return JsonPathNames.findKey(steps);
    }

    /** The path in the form Jayway reports matches in. */
    public String canonicalPath() {
        return JsonPathNames.canonical(steps);
    }

    /** Whether it holds one value rather than an object or a list. */
    public boolean isLeaf() {
        return !kind.isContainer();
    }
}
