package org.dbb.console.app.params;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

/**
 * One change made in the matrix and not yet saved. Immutable.
 *
 * @param edit        the change, replayed on the file on disk when saving
 * @param description what the pending-changes list and the audit trail say
 * @param environment the environment it concerns
 * @param before      the value before, for a single value change
 * @param after       the value after, for a single value change
 * @param touches     every environment whose deployment the change alters, for the protected-environment guard
 */
public record PendingEdit(ParameterFileEdit edit, String description, String environment, Optional<String> before,
                          Optional<String> after, Set<String> touches) {

    public PendingEdit {
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        touches = Set.copyOf(touches);
    }

    /** A change to one environment (or to all, named {@code environment}). */
    public PendingEdit(ParameterFileEdit edit, String description, String environment, Optional<String> before,
                       Optional<String> after) {
        this(edit, description, environment, before, after, Set.of(environment));
    }
}
