package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;

/**
 * Data kept outside the environment files under environment names (e.g. the operators' saved choices), which
 * follows a rename or removal of an environment: {@link EnvironmentFilesEditor} tells it once every file of the edit
 * was written, and never when writing failed. Implementations must be thread-safe, write their own files atomically
 * and not throw: the environment files are already changed when they are told.
 */
public interface EnvironmentKeyedData {

    /** The environment {@code from} of the repository at {@code root} is now called {@code to}. */
    void renameEnvironment(Path root, String from, String to);

    /** The environment of the repository at {@code root} no longer exists. */
    void removeEnvironment(Path root, String environment);
}
