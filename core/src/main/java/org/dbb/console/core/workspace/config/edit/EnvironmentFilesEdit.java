package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment edit across the files that name the environment, computed but not written: the change to
 * {@code dbb-console.yml} and, for a rename or removal, the matching change to {@code parameter.yml}. Immutable.
 *
 * @param root       the workspace repository, file names are shown relative to it
 * @param settings   the change to {@code dbb-console.yml}
 * @param parameters the change to {@code parameter.yml}; empty when the edit does not concern it or there is none
 * @param notes      what the operator should know about {@code parameter.yml} before writing, in sentences
 */
public record EnvironmentFilesEdit(Path root, SettingsFileEdit settings, Optional<ParameterFollowUp> parameters,
                                   List<String> notes) {

    public EnvironmentFilesEdit {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(parameters, "parameters");
        notes = List.copyOf(notes);
    }

    public EnvironmentEdit edit() {
        return settings.edit();
    }

    /** Whether writing it would change any file. */
    public boolean changed() {
        return settings.changed() || parameters.map(ParameterFollowUp::changed).orElse(false);
    }

    /** The parameter change when it changes the file. */
    public Optional<ParameterFollowUp> parameterChange() {
        return parameters.filter(ParameterFollowUp::changed);
    }

    /** The files it changes, as shown to the operator (relative to the repository, '/' separated). */
    public List<String> fileNames() {
        List<String> names = new ArrayList<>();
        names.add(name(settings.file()));
        parameterChange().ifPresent(p -> names.add(name(p.file())));
        return names;
    }

    /** What the audit trail records as the subject: the files and the edit. */
    public String subject() {
        return String.join(" and ", fileNames()) + ": " + edit().describe();
    }

    /** The values before, for the audit trail: the settings' and, when it changes, the parameter file's. */
    public String beforeText() {
        return settings.beforeText() + parameterChange().map(p -> "; " + name(p.file()) + ": " + keys(p.uses(),
                edit().environment())).orElse("");
    }

    /** The values after, in the form of {@link #beforeText()}. */
    public String afterText() {
        return settings.afterText() + parameterChange().map(p -> "; " + name(p.file()) + ": " + after(p))
                .orElse("");
    }

    /** A file of the repository as shown to the operator. */
    public String name(Path file) {
        return shownName(root, file);
    }

    static String shownName(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private String after(ParameterFollowUp p) {
        if (edit() instanceof EnvironmentEdit.Rename rename) {
            return keys(p.uses(), rename.newName());
        }
        int kept = p.notes().size();
        return p.uses() - kept + " of " + keys(p.uses(), edit().environment()) + " removed"
                + (kept == 0 ? "" : ", " + kept + " kept as the entry's only environment");
    }

    private static String keys(int count, String environment) {
        return count + (count == 1 ? " key '" : " keys '") + environment + "'";
    }
}
