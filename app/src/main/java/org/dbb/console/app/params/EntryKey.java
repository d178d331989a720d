package org.dbb.console.app.params;

import java.util.Objects;

import org.dbb.console.core.workspace.params.ParameterKind;

/**
 * Names one entry of the main parameter file the way edits address it. Immutable.
 *
 * @param kind   the parameter
 * @param number 1-based within the parameter; for semantic_model_binding 0 is the default connection
 */
public record EntryKey(ParameterKind kind, int number) {

    public EntryKey {
        Objects.requireNonNull(kind, "kind");
    }

    /** How the operator reads it, e.g. {@code key_value_replace 2} or {@code semantic_model_binding default}. */
    public String label() {
        if (kind == ParameterKind.SEMANTIC_MODEL_BINDING) {
            return kind.key() + (number == 0 ? " default" : " models " + number);
        }
        return kind.key() + " " + number;
    }

    /** A node-id friendly form, e.g. {@code key_value_replace-2}. */
    public String id() {
        return kind.key() + "-" + number;
    }
}
