package org.dbb.console.core.workspace.params.picker;

import java.util.Objects;

/**
 * Something fabric-cicd would do silently at publish if the entry were written as it stands. Immutable.
 *
 * @param kind    what is wrong
 * @param message what happens and what to do
 */
public record TargetWarning(Kind kind, String message) {

    /** What is wrong with the target or the value. */
    public enum Kind {
        /** The path selects an object or list, which the value would replace whole. */
        NOT_A_LEAF,
        /** The value would change the JSON type of the node. */
        TYPE_DIFFERS
    }

    public TargetWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
