package org.dbb.console.app.settings;

import java.util.function.Consumer;

import org.dbb.console.core.launch.ConnectionReport;
import org.dbb.console.core.workspace.Workspace;

/**
 * Tests an environment's connection (sign-in, variable group, workspace and items). Implementations block on the
 * network and the operator's sign-in: call off the FX thread. Thread-safe.
 */
@FunctionalInterface
public interface ConnectionTester {

    /**
     * @param repository the repository with the settings to test (possibly not yet saved)
     * @param progress   told in a sentence what the test waits for; called on the testing thread
     */
    ConnectionReport test(Workspace repository, String environment, Consumer<String> progress);
}
