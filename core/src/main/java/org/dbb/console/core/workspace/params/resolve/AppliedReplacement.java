package org.dbb.console.core.workspace.params.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step that touched a file. Immutable.
 *
 * @param step        which publish step
 * @param entryNumber the 1-based entry number in its {@code parameter.yml} list; 0 for the identifier steps
 * @param find        what was looked for: the find value, the JSONPath, or the logicalId
 * @param replacement what was written: the replacement text; for {@code key_value_replace} the value as JSON
 * @param occurrences how many places were replaced (0 for a {@code key_value_replace} entry that matched nothing
 *                    but still caused the file to be re-serialised)
 * @param variable    the variable the replacement came from, when it was one
 * @param unresolved  whether the replacement is an unresolved variable left visible as a placeholder
 * @param locations   for {@code key_value_replace}: the concrete JSONPaths that were set
 */
public record AppliedReplacement(ReplacementStep step, int entryNumber, String find, String replacement,
                                 int occurrences, Optional<String> variable, boolean unresolved,
                                 List<String> locations) {

    public AppliedReplacement {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(find, "find");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(variable, "variable");
        locations = List.copyOf(locations);
    }

    /** A short label such as {@code find_replace 2} or {@code logicalId}. */
    public String label() {
        return switch (step) {
            case LOGICAL_IDS -> "logicalId";
            case WORKSPACE_IDS -> "workspace id";
            case KEY_VALUE_REPLACE -> "key_value_replace " + entryNumber;
            case FIND_REPLACE -> "find_replace " + entryNumber;
        };
    }
}
