package org.dbb.console.app.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.workspace.Workspace;

/**
 * The window's sandbox: one emulator of Fabric, Power BI and Azure DevOps for the whole time a workspace is open, so
 * every page (runs launched, runs Fabric started, refresh history, definitions pushed) sees the same emulated
 * tenant, the way they would see one real tenant. Either started in-process on a free port of 127.0.0.1 with the
 * scenario given, or an emulator already running at a URL. Thread-safe; {@link #options} may start the emulator
 * and so blocks briefly: call it off the FX thread.
 */
public final class WindowSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WindowSandbox.class);

    private final Optional<URI> external;
    private final Scenario scenario;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timers;
    private FabricEmulator emulator;
    private Path servedRoot;

    /**
     * @param external an emulator already running (its URL), used instead of starting one
     * @param scenario how the in-process emulator behaves
     */
    public WindowSandbox(Optional<URI> external, Scenario scenario, ExecutorService handlers,
                         ScheduledExecutorService timers) {
        this.external = Objects.requireNonNull(external, "external");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    /**
     * How to reach the sandbox of {@code workspace}: the running emulator's URL. Starts the in-process emulator on
     * first use, and again (seeded from the new repository) when another workspace is opened.
     */
    public synchronized SandboxOptions options(Workspace workspace) {
        if (external.isPresent()) {
            return new SandboxOptions(external, Optional.empty());
        }
        if (emulator == null || !workspace.root().equals(servedRoot)) {
            stop();
            FabricEmulator started = FabricEmulator.builder(workspace).scenario(scenario).handlerExecutor(handlers)
                    .scheduler(timers).build();
            started.start();
            emulator = started;
            servedRoot = workspace.root();
            LOG.info("Sandbox emulator for {} serving on {}", servedRoot, started.baseUrl());
        }
        return new SandboxOptions(Optional.of(URI.create(emulator.baseUrl())), Optional.empty());
    }

    /** The in-process emulator, once started; for tests and the emulator's counters. */
    public synchronized Optional<FabricEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
            servedRoot = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
