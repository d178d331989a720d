package org.dbb.console.app.params;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.workspace.ItemScan;

/**
 * The parameter file as the page holds it, with its pending edits, and what checking one more change against it
 * needs. Immutable; safe to hand to a background thread.
 *
 * @param file        the parameter file
 * @param text        its text with the pending edits
 * @param items       the repository's items, when known
 * @param rulesFor    the environment the check applies fabric-cicd's environment rules for
 * @param knownErrors the messages of errors the text already has, so only new ones are blamed on a change
 */
public record ParameterDraft(Path file, TextFile text, Optional<ItemScan> items, Optional<String> rulesFor,
                             Set<String> knownErrors) {

    public ParameterDraft {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(rulesFor, "rulesFor");
        knownErrors = Set.copyOf(knownErrors);
    }
}
