package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * Changes the retry policies of several activities of one pipeline file in a single atomic write, each change made
 * by {@link RetryPolicyEditor} (so only the changed values' characters move, within Fabric's limits). The file is
 * written only when every change is valid and the file still holds the text the changes were computed from.
 * Stateless and thread-safe; concurrent writers of one file must be serialised by the caller.
 */
public final class PolicyFileEditor {

    private final RetryPolicyEditor editor;
    private final AtomicFileWriter writer;

    public PolicyFileEditor(RetryPolicyEditor editor, AtomicFileWriter writer) {
        this.editor = editor;
        this.writer = writer;
    }

    /**
     * Computes every change without writing.
     *
     * @throws InvalidInputException listing the problems of every change that cannot be made
     */
    public PolicyFileEdit preview(Path file, List<ActivityPolicyChange> changes) {
        return compute(TextFile.read(file), changes);
    }

    /**
     * Writes a previewed edit: atomically, the previous version kept as {@code .bak}, byte-order mark and line
     * endings kept. Writes nothing when the edit changes nothing.
     *
     * @throws InvalidInputException when the file changed on disk since the preview, or cannot be written; the
     *                               file is then unchanged
     */
    public PolicyFileEdit apply(PolicyFileEdit preview) {
        if (!preview.changed()) {
            return preview;
        }
        TextFile current = TextFile.read(preview.file());
        if (!current.text().equals(preview.originalText())) {
            throw new InvalidInputException(Problem.error(preview.file(), 0, 0, "the file changed on disk after"
                    + " the retry policies were loaded (edited elsewhere?), so nothing was written; reload it and"
                    + " make the changes again"));
        }
        writer.write(preview.file(), current.withText(preview.editedText()).toBytes());
        return preview;
    }

    private PolicyFileEdit compute(TextFile source, List<ActivityPolicyChange> changes) {
        List<Problem> problems = new ArrayList<>();
        List<RetryPolicyEdit> edits = new ArrayList<>();
        TextFile text = source;
        for (ActivityPolicyChange change : changes) {
            try {
                RetryPolicyEdit edit = editor.preview(text, change.activityName(), change.update());
                edits.add(edit);
                text = text.withText(edit.editedText());
            } catch (InvalidInputException e) {
                // a problem of the file itself comes back for every change; say it once
                e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PolicyFileEdit(source.path(), source.text(), text.text(), edits);
    }
}
