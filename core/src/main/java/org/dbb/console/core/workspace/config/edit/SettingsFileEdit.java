package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.ConsoleSettings;

/**
 * An edit of {@code dbb-console.yml} computed but not yet written: the text it was computed from, the text after
 * it, the settings it changes (secrets masked) and the warnings the edited file would have. Immutable.
 *
 * @param file         the settings file
 * @param originalText the text the edit was computed from (without a byte-order mark)
 * @param editedText   the text after the edit
 * @param edit         what was asked for
 * @param changes      each setting changed, before and after, as it may be shown and audited
 * @param after        the settings the edited text holds
 * @param warnings     warnings of the edited file, as {@code dbb validate} reports them
 */
public record SettingsFileEdit(Path file, String originalText, String editedText, EnvironmentEdit edit,
                               List<SettingsChange> changes, ConsoleSettings after, List<Problem> warnings) {

    public SettingsFileEdit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(originalText, "originalText");
        Objects.requireNonNull(editedText, "editedText");
        Objects.requireNonNull(edit, "edit");
        changes = List.copyOf(changes);
        Objects.requireNonNull(after, "after");
        warnings = List.copyOf(warnings);
    }

    /** Whether writing it would change the file. */
    public boolean changed() {
        return !originalText.equals(editedText);
    }

    /** {@code before → after} of every change, joined, for the audit trail. */
    public String beforeText() {
        return String.join("; ", changes.stream().map(c -> shortName(c) + ": " + c.before().orElse("not set"))
                .toList());
    }

    /** The values after, in the form of {@link #beforeText()}. */
    public String afterText() {
        return String.join("; ", changes.stream().map(c -> shortName(c) + ": " + c.after()).toList());
    }

    private String shortName(SettingsChange change) {
        String prefix = "environments." + edit.environment() + ".";
        return change.setting().startsWith(prefix) ? change.setting().substring(prefix.length()) : change.setting();
    }
}
