package org.dbb.console.core.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.auth.EnvironmentTokens;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.devops.AzureDevOpsClient;
import org.dbb.console.core.fabric.devops.GroupVariable;
import org.dbb.console.core.fabric.devops.VariableGroup;
import org.dbb.console.core.fabric.powerbi.PowerBiClient;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * The console's line to one environment: the Fabric, Power BI and Azure DevOps clients signed in for it, the
 * environment's clock scale and, for a sandbox started in-process, the emulator behind it. The clients are
 * thread-safe; {@link #close()} stops an in-process emulator and may be called once from any thread.
 */
public final class EnvironmentConnection implements AutoCloseable {

    private final EnvironmentSettings settings;
    private final EnvironmentTokens tokens;
    private final FabricClient fabric;
    private final PowerBiClient powerBi;
    private final AzureDevOpsClient devOps;
    private final double timeScale;
    private final String endpointDescription;
    private final Optional<FabricEmulator> emulator;

    EnvironmentConnection(EnvironmentSettings settings, EnvironmentTokens tokens, FabricClient fabric,
                          PowerBiClient powerBi, AzureDevOpsClient devOps, double timeScale,
                          String endpointDescription, Optional<FabricEmulator> emulator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.fabric = Objects.requireNonNull(fabric, "fabric");
        this.powerBi = Objects.requireNonNull(powerBi, "powerBi");
        this.devOps = Objects.requireNonNull(devOps, "devOps");
        this.timeScale = timeScale;
        this.endpointDescription = Objects.requireNonNull(endpointDescription, "endpointDescription");
        this.emulator = Objects.requireNonNull(emulator, "emulator");
    }

    public EnvironmentSettings settings() {
        return settings;
    }

    public String environment() {
        return settings.name();
    }

    public EnvironmentTokens tokens() {
        return tokens;
    }

    public FabricClient fabric() {
        return fabric;
    }

    public PowerBiClient powerBi() {
        return powerBi;
    }

    public AzureDevOpsClient devOps() {
        return devOps;
    }

    /**
     * Real seconds per environment second: 1 for Fabric; the scenario's scale for the sandbox, whose emulator
     * runs faster than real time, so retry intervals, timeouts and refresh targets must be scaled to match.
     */
    public double timeScale() {
        return timeScale;
    }

    /** Where the clients point, for banners and messages, e.g. {@code the sandbox emulator at http://127.0.0.1:5}. */
    public String endpointDescription() {
        return endpointDescription;
    }

    /** The emulator this connection started in-process, if it did. */
    public Optional<FabricEmulator> emulator() {
        return emulator;
    }

    /**
     * The values of the environment's Azure DevOps variable group, for {@code $ENV:NAME} settings; for the sandbox,
     * the group its in-process emulator serves. Secret values never come from Azure DevOps and are left out, so
     * they resolve from the OS environment. Empty when there is no group. Blocks on the network.
     */
    public Map<String, VariableValue> variableGroupValues() {
        Optional<VariableGroupRef> ref = settings.variableGroup()
                .or(() -> emulator.flatMap(e -> e.workspace(settings.name())).map(EmulatedWorkspace::variableGroup));
        if (ref.isEmpty()) {
            return Map.of();
        }
        VariableGroup group = devOps.getVariableGroup(ref.get().organization(), ref.get().project(),
                ref.get().groupId());
        Map<String, VariableValue> values = new LinkedHashMap<>();
        for (GroupVariable v : group.variables().values()) {
            v.value().ifPresent(value -> values.put(v.name(), new VariableValue(value, v.secret())));
        }
        return values;
    }

    @Override
    public void close() {
        emulator.ifPresent(FabricEmulator::close);
    }
}
