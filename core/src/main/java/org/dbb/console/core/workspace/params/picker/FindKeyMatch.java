package org.dbb.console.core.workspace.params.picker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code find_key} selects in one definition file. Immutable.
 *
 * @param findKey the path as written
 * @param problem why it selects nothing that can be counted (invalid for fabric-cicd, or not evaluable here)
 * @param paths   the canonical paths of the selected nodes ({@code $['a'][0]}), in document order
 */
public record FindKeyMatch(String findKey, Optional<String> problem, List<String> paths) {

    public FindKeyMatch {
        Objects.requireNonNull(findKey, "findKey");
        Objects.requireNonNull(problem, "problem");
        paths = List.copyOf(paths);
    }

    public int count() {
        return paths.size();
    }

    /** One sentence for the operator: how many nodes, or why none can be counted. */
    public String summary() {
        if (problem.isPresent()) {
            return problem.get();
        }
        return switch (paths.size()) {
            case 0 -> "'" + findKey + "' matches nothing in this file; fabric-cicd would leave it unchanged";
            case 1 -> "'" + findKey + "' matches 1 node in this file";
            default -> "'" + findKey + "' matches " + paths.size() + " nodes in this file; fabric-cicd sets the"
                    + " value at every one of them";
        };
    }
}
