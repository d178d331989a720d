package org.dbb.console.app.models;

import org.dbb.console.core.workspace.Workspace;

/**
 * Opens what the Models page reads about one environment: its default refresh (models, targets, cap) and each
 * model's Power BI refresh history. Implementations block on the network; call them off the FX thread.
 */
public interface ModelsLoader {

    /**
     * Connects to {@code environment} and plans its default refresh. The caller closes the result.
     *
     * @throws RuntimeException with a message for the operator when the environment cannot be reached or planned
     */
    ModelsLookup open(Workspace workspace, String environment);
}
