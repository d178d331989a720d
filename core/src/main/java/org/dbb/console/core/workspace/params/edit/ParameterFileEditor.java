package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;

/** Applies {@link ParameterFileEdit}s to parameter.yml changing only the targeted bytes; thread-safe. */
public final class ParameterFileEditor {

    private final AtomicFileWriter writer;

    public ParameterFileEditor() {
        this(new AtomicFileWriter());
    }

    public ParameterFileEditor(AtomicFileWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Edits text in memory. Only the targeted text changes: comments, key order, quoting, blank lines, line endings
     * and a byte-order mark stay as they were, and the result is read back and compared with the intended data.
     *
     * @throws InvalidInputException when the file is not valid YAML, the edit does not fit the file (unknown
     *                               entry, environment or value), or the change cannot be made safely
     */
    public EditResult edit(TextFile file, ParameterFileEdit edit) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(edit, "edit");
        ParameterDocument doc = ParameterDocument.parse(file);
        EditPlan plan = new EditPlan();
        if (edit instanceof ParameterFileEdit.SetReplaceValue set) {
            new ReplaceValueSetter(doc, plan).plan(set);
        } else if (edit instanceof ParameterFileEdit.SetConnection set) {
            new ReplaceValueSetter(doc, plan).plan(set);
        } else if (edit instanceof ParameterFileEdit.AddEnvironment add) {
            new EnvironmentColumns(doc, plan).add(add);
        } else if (edit instanceof ParameterFileEdit.RemoveEnvironment remove) {
            new EnvironmentColumns(doc, plan).remove(remove);
        } else if (edit instanceof ParameterFileEdit.RenameEnvironment rename) {
            new EnvironmentColumns(doc, plan).rename(rename);
        } else if (edit instanceof ParameterFileEdit.AddEntry add) {
            new EntryAppender(doc, plan).add(add);
        } else if (edit instanceof ParameterFileEdit.RemoveEntry remove) {
            new EntryRemover(doc, plan).remove(remove);
        }
        String newText;
        try {
            newText = plan.applyTo(file.text());
        } catch (IllegalStateException e) {
            throw doc.problem("the editor cannot make this change safely in this file's layout (" + e.getMessage()
                    + "); the file was not changed, make the change by hand");
        }
        EditVerifier.verify(doc, plan, newText);
        return new EditResult(file.withText(newText), !newText.equals(file.text()), plan.notes());
    }

    /**
     * The environment keys {@code file} uses in its replace_value and connection_id maps, in order of first use,
     * without {@code _ALL_}; compared case-sensitively, as fabric-cicd does.
     *
     * @throws InvalidInputException when the file is not valid YAML
     */
    public Set<String> environments(TextFile file) {
        return Collections.unmodifiableSet(ParameterDocument.parse(Objects.requireNonNull(file, "file"))
                .environmentNames());
    }

    /**
     * How many replace_value and connection_id maps of {@code file} have the key {@code environment} (exactly, as
     * fabric-cicd compares it); {@code _ALL_} maps count only when asked for {@code _ALL_} itself.
     *
     * @throws InvalidInputException when the file is not valid YAML
     */
    public int environmentUses(TextFile file, String environment) {
        Objects.requireNonNull(environment, "environment");
        return (int) ParameterDocument.parse(Objects.requireNonNull(file, "file")).environmentMaps().stream()
                .filter(map -> map.indexOf(environment) >= 0).count();
    }

    /**
     * Reads {@code path}, edits it and, when the text changed, replaces the file atomically, keeping the previous
     * version as {@code <name>.bak}. Nothing is written when an error occurs.
     *
     * @throws InvalidInputException as {@link #edit}, or when the file cannot be read or written
     */
    public EditResult apply(Path path, ParameterFileEdit edit) {
        EditResult result = edit(TextFile.read(path), edit);
        if (result.changed()) {
            writer.write(path, result.file().toBytes());
        }
        return result;
    }
}
