package org.dbb.console.core.workspace;

import java.nio.file.Path;
import java.util.Optional;

import org.dbb.console.core.workspace.config.ConsoleSettings;

/**
 * An opened workspace repository: its console settings and the Fabric items of its repository directory.
 * A snapshot: immutable, reopen to see changes on disk.
 *
 * @param root     the repository root (holding {@code dbb-console.yml})
 * @param settings the console settings (defaults when the file is absent)
 * @param items    the items found under the repository directory
 */
public record Workspace(Path root, ConsoleSettings settings, ItemScan items) {

    /** The fabric-cicd parameter file of this repository. */
    public Path parameterFile() {
        return settings.repositoryDirectory().resolve("parameter.yml");
    }

    /** The item folder of a data pipeline, by display name. */
    public Optional<Item> pipeline(String displayName) {
        return items.find("DataPipeline", displayName);
    }

    /** A short name for titles: the root folder's name. */
    public String name() {
        Path file = root.getFileName();
        return file == null ? root.toString() : file.toString();
    }
}
