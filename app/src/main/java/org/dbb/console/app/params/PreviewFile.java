package org.dbb.console.app.params;

import java.util.Objects;

/**
 * One item file in the preview: its unified diff for the chosen environment. Immutable.
 *
 * @param path repository-relative path
 * @param note why it is listed, e.g. that the pending change makes it change, or no longer change
 * @param diff the unified diff of what fabric-cicd would upload against the repository file; empty when the file
 *             no longer changes
 */
public record PreviewFile(String path, String note, String diff) {

    public PreviewFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(diff, "diff");
    }
}
