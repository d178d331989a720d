package org.dbb.console.app.models;

import java.util.Optional;

import org.dbb.console.core.fabric.powerbi.RefreshHistoryEntry;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.RefreshDefaults;

/**
 * One environment opened by a {@link ModelsLoader}: its default refresh and a line to Power BI for the models'
 * refresh history. Methods block on the network; call them off the FX thread. {@link #close()} releases the
 * connection (stopping an in-process sandbox emulator).
 */
public interface ModelsLookup extends AutoCloseable {

    /** What a plain launch refreshes; empty when the master pipeline has no refresh step the console conducts. */
    Optional<RefreshDefaults> defaults();

    /** Where the history comes from, for progress sentences, e.g. {@code the sandbox emulator at http://…}. */
    String endpoint();

    /** Real seconds per environment second (the sandbox runs faster than real time). */
    double timeScale();

    /**
     * The model's latest refresh in Power BI's history, whoever started it; empty when it has none.
     *
     * @throws RuntimeException when the history cannot be read
     */
    Optional<RefreshHistoryEntry> lastRefresh(ModelTarget model);

    @Override
    void close();
}
