package org.dbb.console.app.models;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.fabric.powerbi.RefreshHistoryEntry;
import org.dbb.console.core.launch.EnvironmentLookup;
import org.dbb.console.core.launch.RunLauncher;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.RefreshDefaults;
import org.dbb.console.core.workspace.Workspace;

/**
 * Reads an environment's models the way a launch plans them ({@link RunLauncher#lookUp},
 * {@link RunLauncher#refreshDefaults}) and their history through the environment's Power BI client: Microsoft's
 * service, or for the sandbox the emulator the connection starts. Thread-safe; blocks on the network.
 */
public final class FabricModelsLoader implements ModelsLoader {

    private final Supplier<RunLauncher> launcher;
    private final Supplier<SandboxOptions> sandbox;
    private final String operator;

    /**
     * @param launcher the run launcher, asked for on the loading thread (opening it opens the journal database)
     * @param sandbox  how the sandbox is reached (an in-process emulator playing a scenario, or a running one)
     * @param operator who looks, as a launch would record it
     */
    public FabricModelsLoader(Supplier<RunLauncher> launcher, Supplier<SandboxOptions> sandbox, String operator) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    @Override
    public ModelsLookup open(Workspace workspace, String environment) {
        EnvironmentLookup lookup = launcher.get().lookUp(workspace, environment, sandbox.get(), Map.of());
        try {
            Optional<RefreshDefaults> defaults = launcher.get().refreshDefaults(workspace, lookup, operator);
            return new Opened(lookup, defaults);
        } catch (RuntimeException e) {
            lookup.close();
            throw e;
        }
    }

    /** An open environment. */
    private record Opened(EnvironmentLookup lookup, Optional<RefreshDefaults> defaults) implements ModelsLookup {

        @Override
        public String endpoint() {
            return lookup.connection().endpointDescription();
        }

        @Override
        public double timeScale() {
            return lookup.connection().timeScale();
        }

        @Override
        public Optional<RefreshHistoryEntry> lastRefresh(ModelTarget model) {
            return lookup.connection().powerBi().refreshHistory(model.groupId(), model.datasetId(), 1).stream()
                    .findFirst();
        }

        @Override
        public void close() {
            lookup.close();
        }
    }
}
