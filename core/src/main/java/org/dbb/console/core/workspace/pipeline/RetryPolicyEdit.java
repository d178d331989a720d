package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.dbb.console.core.workspace.json.ConcretePath;

/**
 * The outcome of a retry-policy change to one activity: the file's text before and after, and which values
 * changed. Immutable.
 *
 * @param file          the pipeline file
 * @param activityName  the activity changed
 * @param activityPath  where the activity sits in the file
 * @param originalText  the text before (without a byte-order mark)
 * @param editedText    the text after; equal to the original when nothing changed
 * @param changedPaths  the JSON paths whose values were set or added, e.g. {@code ….policy.retry}
 */
public record RetryPolicyEdit(Path file, String activityName, ConcretePath activityPath, String originalText,
                              String editedText, List<ConcretePath> changedPaths) {

    public RetryPolicyEdit {
        changedPaths = List.copyOf(changedPaths);
    }

    /** Whether the file's content differs (values equal to the current ones are left untouched). */
    public boolean changed() {
        return !changedPaths.isEmpty();
    }
}
