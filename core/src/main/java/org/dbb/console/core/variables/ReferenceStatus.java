package org.dbb.console.core.variables;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.config.EnvReference;

/**
 * How one {@code $ENV:NAME} reference of {@code dbb-console.yml} resolves for an environment. Holds no secret
 * value: a resolved secret shows the mask. Immutable and thread-safe.
 *
 * @param reference the reference and its position
 * @param source    where its value comes from, when resolved
 * @param display   the value as it may be shown (masked for secrets); empty when unresolved
 * @param problem   why it does not resolve and what to do, when unresolved
 */
public record ReferenceStatus(EnvReference reference, Optional<VariableSource> source, String display,
                              Optional<String> problem) {

    public ReferenceStatus {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether the reference has a value. */
    public boolean resolved() {
        return problem.isEmpty();
    }
}
