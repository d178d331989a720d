package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.edit.EditResult;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;
import org.dbb.console.core.workspace.params.edit.ParameterFileEditor;

/**
 * Edits an environment in every file that names it. Renaming or removing an environment of {@code dbb-console.yml}
 * renames or removes its key in {@code parameter.yml} too (every replace_value and semantic_model_binding
 * connection_id map; {@code _ALL_} is never touched), byte-preserving in both. Both edited texts are checked before
 * anything is written: the settings as {@code dbb validate} checks them, the parameter file as fabric-cicd 1.3.0
 * validates it. The two files are then written atomically one after the other; when the second write fails, the
 * first file (and its {@code .bak}) is put back as it was, so a failed save changes nothing on disk. Only once both
 * are written is {@link EnvironmentKeyedData} kept elsewhere under the environment's name told of a rename or
 * removal, so it follows the environment or, when the save fails, stays as it was. Thread-safe; concurrent edits of
 * one repository must be serialised by the caller.
 */
public final class EnvironmentFilesEditor {

    private final ConsoleSettingsEditor settings;
    private final ParameterFileEditor parameters;
    private final ParameterFileValidator validator;
    private final AtomicFileWriter writer;
    private final List<EnvironmentKeyedData> followers;

    public EnvironmentFilesEditor(ConsoleSettingsEditor settings, ParameterFileEditor parameters,
                                  ParameterFileValidator validator, AtomicFileWriter writer) {
        this(settings, parameters, validator, writer, List.of());
    }

    /**
     * @param followers data kept under environment names elsewhere, told of each rename or removal once it is
     *                  written
     */
    public EnvironmentFilesEditor(ConsoleSettingsEditor settings, ParameterFileEditor parameters,
                                  ParameterFileValidator validator, AtomicFileWriter writer,
                                  List<EnvironmentKeyedData> followers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.followers = List.copyOf(followers);
    }

    /**
     * Computes {@code edit} over the files as read, without writing. Blocking: {@code extend} templates of the
     * parameter file are read from disk for its validation.
     *
     * @param root          the workspace repository
     * @param settingsFile  {@code dbb-console.yml} as read
     * @param parameterFile {@code parameter.yml} as read; empty when the repository has none
     * @throws InvalidInputException when either edited file would be invalid (or is already), or the change cannot
     *                               be made in place; nothing is written then
     */
    public EnvironmentFilesEdit preview(Path root, TextFile settingsFile, Optional<TextFile> parameterFile,
                                        EnvironmentEdit edit) {
        SettingsFileEdit settingsEdit = settings.preview(settingsFile, edit);
        Optional<ParameterFileEdit> follow = followUp(edit);
        if (follow.isEmpty()) {
            return new EnvironmentFilesEdit(root, settingsEdit, Optional.empty(), List.of());
        }
        String environment = edit.environment();
        if (parameterFile.isEmpty()) {
            return new EnvironmentFilesEdit(root, settingsEdit, Optional.empty(), List.of("The repository has no"
                    + " parameter.yml, so only " + EnvironmentFilesEdit.shownName(root, settingsEdit.file())
                    + " changes."));
        }
        TextFile original = parameterFile.get();
        String shown = EnvironmentFilesEdit.shownName(root, original.path());
        int uses = parameters.environmentUses(original, environment);
        if (uses == 0) {
            ParameterFollowUp unchanged = new ParameterFollowUp(original, original, 0, List.of());
            return new EnvironmentFilesEdit(root, settingsEdit, Optional.of(unchanged), List.of(shown + " has no"
                    + " values for " + environment + " (names are case-sensitive there), so it stays as it is."));
        }
        EditResult result = parameters.edit(original, follow.get());
        requireValid(original, result.file());
        ParameterFollowUp change = new ParameterFollowUp(original, result.file(), uses, result.notes());
        List<String> notes = new ArrayList<>();
        if (edit instanceof EnvironmentEdit.Rename rename) {
            notes.add(shown + ": " + environment + " is renamed to " + rename.newName() + " in " + uses
                    + (uses == 1 ? " entry" : " entries") + "; entries for all environments (_ALL_) stay as they"
                    + " are.");
        } else {
            int removed = uses - result.notes().size();
            notes.add(shown + ": the values for " + environment + " are removed from " + removed
                    + (removed == 1 ? " entry" : " entries") + "; entries for all environments (_ALL_) stay as"
                    + " they are.");
        }
        result.notes().forEach(note -> notes.add(note.format(root)));
        return new EnvironmentFilesEdit(root, settingsEdit, Optional.of(change), notes);
    }

    /**
     * Writes a previewed edit: {@code dbb-console.yml} first, then {@code parameter.yml}, each atomically with its
     * previous version kept as {@code .bak}; then tells the followers of a rename or removal. Nothing is written,
     * and no follower told, when either file changed on disk since the preview.
     *
     * @throws InvalidInputException when a file changed since the preview or cannot be written; the files (and
     *                               their backups) are then as they were before
     */
    public EnvironmentFilesEdit apply(EnvironmentFilesEdit edit) {
        Optional<ParameterFollowUp> parameterChange = edit.parameterChange();
        parameterChange.ifPresent(p -> requireUnchanged(p.original()));
        if (parameterChange.isEmpty()) {
            settings.apply(edit.settings());
        } else {
            ParameterFollowUp p = parameterChange.get();
            FileSnapshot settingsBefore = FileSnapshot.of(edit.settings().file());
            settings.apply(edit.settings());
            try {
                writer.write(p.file(), p.edited().toBytes());
            } catch (InvalidInputException e) {
                throw restored(edit, settingsBefore, e);
            }
        }
        tellFollowers(edit);
        return edit;
    }

    private void tellFollowers(EnvironmentFilesEdit written) {
        if (written.edit() instanceof EnvironmentEdit.Rename rename) {
            followers.forEach(f -> f.renameEnvironment(written.root(), rename.environment(), rename.newName()));
        } else if (written.edit() instanceof EnvironmentEdit.Remove remove) {
            followers.forEach(f -> f.removeEnvironment(written.root(), remove.environment()));
        }
    }

    private InvalidInputException restored(EnvironmentFilesEdit edit, FileSnapshot settingsBefore,
                                           InvalidInputException failure) {
        List<Problem> problems = new ArrayList<>(failure.problems());
        Path settingsFile = edit.settings().file();
        try {
            settingsBefore.restore(writer);
            problems.add(Problem.error(settingsFile, 0, 0, edit.name(settingsFile) + " was put back as it was, so"
                    + " neither file changed; fix the problem above and save again"));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            problems.add(Problem.error(settingsFile, 0, 0, edit.name(settingsFile) + " was written but could not be"
                    + " put back: its previous version is in " + AtomicFileWriter.backupOf(settingsFile).getFileName()
                    + "; copy it back by hand, or make the same change in parameter.yml by hand"));
        }
        return new InvalidInputException(problems);
    }

    private static Optional<ParameterFileEdit> followUp(EnvironmentEdit edit) {
        if (edit instanceof EnvironmentEdit.Rename rename) {
            return Optional.of(new ParameterFileEdit.RenameEnvironment(rename.environment(), rename.newName()));
        }
        if (edit instanceof EnvironmentEdit.Remove remove) {
            return Optional.of(new ParameterFileEdit.RemoveEnvironment(remove.environment(),
                    ParameterFileEdit.RemoveEnvironment.OnlyValue.KEEP));
        }
        return Optional.empty();
    }

    /** The edited parameter file must pass fabric-cicd's validation, as the file before it must already. */
    private void requireValid(TextFile original, TextFile edited) {
        Path file = original.path();
        ParameterValidation before = validator.validate(file, original.text(), Optional.empty(), Optional.empty());
        if (!before.valid()) {
            List<Problem> problems = new ArrayList<>(before.errors());
            problems.add(Problem.error(file, 0, 0, "parameter.yml has errors already, so the environment is not"
                    + " changed in either file; fix them first (Parameters page or `dbb params check`)"));
            throw new InvalidInputException(problems);
        }
        ParameterValidation after = validator.validate(file, edited.text(), Optional.empty(), Optional.empty());
        if (!after.valid()) {
            List<Problem> problems = new ArrayList<>(after.errors());
            problems.add(Problem.error(file, 0, 0, "parameter.yml would not be valid after this change, so"
                    + " nothing was written; make the change by hand"));
            throw new InvalidInputException(problems);
        }
    }

    private static void requireUnchanged(TextFile original) {
        TextFile current = TextFile.read(original.path());
        if (!current.text().equals(original.text()) || current.bom() != original.bom()) {
            throw new InvalidInputException(Problem.error(original.path(), 0, 0, "the file changed on disk after the"
                    + " change was reviewed (edited elsewhere?), so nothing was written; reload and make the change"
                    + " again"));
        }
    }
}
