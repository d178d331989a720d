package org.dbb.console.core.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;

/** Opens workspace repositories from disk. Thread-safe; blocking I/O, so call it off the UI thread. */
public final class WorkspaceLoader {

    private final ConsoleSettingsReader settingsReader;
    private final ItemDiscovery discovery;

    public WorkspaceLoader(ConsoleSettingsReader settingsReader, ItemDiscovery discovery) {
        this.settingsReader = settingsReader;
        this.discovery = discovery;
    }

    /**
     * Reads the settings and scans the items of the repository at {@code root}.
     *
     * @throws InvalidInputException when the folder is missing or its settings file has errors
     */
    public Workspace open(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new InvalidInputException(Problem.error(abs, 0, 0,
                    "the workspace folder does not exist; pass the folder that holds dbb-console.yml and fabric/"));
        }
        ConsoleSettings settings = settingsReader.read(abs);
        return new Workspace(abs, settings, discovery.scan(settings.repositoryDirectory()));
    }
}
