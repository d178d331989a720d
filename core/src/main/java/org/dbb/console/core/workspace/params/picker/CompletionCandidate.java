package org.dbb.console.core.workspace.params.picker;

import java.util.Objects;
import java.util.Optional;

/**
 * One completion of a dynamic replacement variable. Immutable.
 *
 * @param text     the whole value after choosing it (it replaces what was typed)
 * @param label    what the list shows, e.g. {@code Lakehouse} or {@code $sqlendpoint}
 * @param detail   what it resolves to or how many items it covers
 * @param complete whether {@code text} is a finished variable; otherwise more completions follow
 * @param problem  why fabric-cicd cannot use it, when it cannot (the list shows it but does not offer it)
 */
public record CompletionCandidate(String text, String label, String detail, boolean complete,
                                  Optional<String> problem) {

    public CompletionCandidate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether choosing it gives a value fabric-cicd can resolve (or a step towards one). */
    public boolean usable() {
        return problem.isEmpty();
    }
}
