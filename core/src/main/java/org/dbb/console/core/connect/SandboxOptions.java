package org.dbb.console.core.connect;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.emulator.scenario.Scenario;

/**
 * How to reach a sandbox environment: an emulator already running elsewhere (e.g. {@code dbb emulator} in another
 * terminal), or one started in-process playing a scenario. Immutable.
 *
 * @param emulatorUrl the origin of a running emulator; empty starts one in-process
 * @param scenario    the scenario an in-process emulator plays; empty plays the built-in default
 */
public record SandboxOptions(Optional<URI> emulatorUrl, Optional<Scenario> scenario) {

    public SandboxOptions {
        Objects.requireNonNull(emulatorUrl, "emulatorUrl");
        Objects.requireNonNull(scenario, "scenario");
    }

    /** An in-process emulator playing the default scenario. */
    public static SandboxOptions inProcess() {
        return new SandboxOptions(Optional.empty(), Optional.empty());
    }
}
