package org.dbb.console.app.testing;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.files.DataDirectories;

/**
 * The sample workspace's sandbox served by an emulator of its own, as {@code dbb emulator} serves it: it outlives
 * the console windows that use it, so the jobs a closed window's run submitted still exist when the console is
 * opened again. Thread-safe; close it after the test.
 */
public final class StandaloneSandbox implements AutoCloseable {

    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FabricEmulator emulator;

    private StandaloneSandbox(SampleFolders folders) {
        // services of its own only to read the repository and scenario, so no console's shutdown reaches it
        try (ConsoleServices reader = new ConsoleServices(new DataDirectories(folders.data()
                .resolveSibling(folders.data().getFileName() + "-emulator")), name -> null)) {
            emulator = FabricEmulator.builder(reader.workspaceLoader().open(folders.workspace()))
                    .scenario(reader.scenarioReader().read(folders.scenario())).handlerExecutor(handlers)
                    .scheduler(timers).build();
        }
        emulator.start();
    }

    /** Starts serving the sandbox of the workspace in {@code folders}, playing their scenario. */
    public static StandaloneSandbox start(SampleFolders folders) {
        return new StandaloneSandbox(folders);
    }

    public URI url() {
        return URI.create(emulator.baseUrl());
    }

    public EmulatorStats stats() {
        return emulator.stats();
    }

    @Override
    public void close() {
        emulator.close();
        handlers.shutdownNow();
        timers.shutdownNow();
    }
}
