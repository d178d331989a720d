package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One item file whose published content differs from the repository's. Immutable.
 *
 * @param file          the file (absolute)
 * @param before        the text as fabric-cicd reads it: UTF-8, line endings turned into {@code \n} (Python's text
 *                      mode), a byte-order mark kept as U+FEFF
 * @param after         the text fabric-cicd would upload
 * @param applied       what changed it, in the order applied
 * @param serialization whether a {@code key_value_replace} re-serialised the whole file
 */
public record FileChange(Path file, String before, String after, List<AppliedReplacement> applied,
                         Serialization serialization) {

    public FileChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(serialization, "serialization");
        applied = List.copyOf(applied);
    }

    /** A change made by text replacement only. */
    public FileChange(Path file, String before, String after, List<AppliedReplacement> applied) {
        this(file, before, after, applied, Serialization.NONE);
    }
}
