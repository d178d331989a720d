package org.dbb.console.app.params;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

/**
 * One change made in the matrix and not yet saved. Immutable.
 *
 * @param edit        the change, replayed on the file on disk when saving
 * @param description what the pending-changes list and the audit trail say
 * @param environment the environment it concerns
 * @param before      the value before, for a single value change
 * @param after       the value after, for a single value change
 */
public record PendingEdit(ParameterFileEdit edit, String description, String environment, Optional<String> before,
                          Optional<String> after) {

    public PendingEdit {
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
