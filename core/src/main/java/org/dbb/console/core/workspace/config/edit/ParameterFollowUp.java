package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.Problem;

/**
 * The change to {@code parameter.yml} that goes with renaming or removing an environment in {@code dbb-console.yml},
 * computed but not written. Immutable.
 *
 * @param original the parameter file as read
 * @param edited   the same file after the change; equal to {@code original} when it does not use the environment
 * @param uses     how many replace_value / connection_id maps had the environment's key
 * @param notes    places deliberately left alone (an entry whose only environment is the one removed), positioned
 */
public record ParameterFollowUp(TextFile original, TextFile edited, int uses, List<Problem> notes) {

    public ParameterFollowUp {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(edited, "edited");
        notes = List.copyOf(notes);
    }

    public Path file() {
        return original.path();
    }

    /** Whether writing it would change the file. */
    public boolean changed() {
        return !original.text().equals(edited.text());
    }
}
