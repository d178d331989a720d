package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Several retry-policy changes to one pipeline file, applied one after the other in memory: the text the file had
 * when the changes were computed, the text after all of them, and each activity's own edit. Immutable.
 *
 * @param file         the pipeline file
 * @param originalText the text the changes were computed from (without a byte-order mark)
 * @param editedText   the text after every change
 * @param edits        one edit per activity, in the order applied; unchanged activities included
 */
public record PolicyFileEdit(Path file, String originalText, String editedText, List<RetryPolicyEdit> edits) {

    public PolicyFileEdit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(originalText, "originalText");
        Objects.requireNonNull(editedText, "editedText");
        edits = List.copyOf(edits);
    }

    /** Whether writing it would change the file. */
    public boolean changed() {
        return !originalText.equals(editedText);
    }

    /** The edits that changed a value. */
    public List<RetryPolicyEdit> changedEdits() {
        return edits.stream().filter(RetryPolicyEdit::changed).toList();
    }
}
