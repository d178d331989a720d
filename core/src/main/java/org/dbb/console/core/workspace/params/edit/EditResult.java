package org.dbb.console.core.workspace.params.edit;

import java.util.List;
import java.util.Objects;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.Problem;

/**
 * The outcome of an edit: the new content and warnings about places deliberately left alone. Immutable.
 *
 * @param file    the edited file; identical to the input when nothing needed to change
 * @param changed whether the text differs from the input
 * @param notes   warnings, each positioned at the entry it concerns
 */
public record EditResult(TextFile file, boolean changed, List<Problem> notes) {

    public EditResult {
        Objects.requireNonNull(file, "file");
        notes = List.copyOf(notes);
    }
}
