package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.workspace.Workspace;

class FabricEmulatorLifecycleTest {

    @TempDir
    Path temp;

    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopExecutors() {
        handlers.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void buildingWithoutExecutorsIsRefused() {
        Workspace repository = EmulatorHarness.sample(temp);

        assertThatThrownBy(() -> FabricEmulator.builder(repository).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("handlerExecutor");
    }

    @Test
    void theUrlIsKnownOnlyOnceStartedOnTheLoopbackAddress() {
        FabricEmulator emulator = emulator();

        assertThatThrownBy(emulator::baseUrl).isInstanceOf(IllegalStateException.class);
        emulator.start();
        try {
            assertThat(emulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(emulator.fabricApiUrl()).isEqualTo(emulator.baseUrl() + "/v1");
            assertThat(emulator.powerBiApiUrl()).isEqualTo(emulator.baseUrl() + "/v1.0/myorg");
            assertThat(emulator.webhookUrl("ops")).isEqualTo(emulator.baseUrl() + "/_emulator/webhooks/ops");
        } finally {
            emulator.close();
        }
    }

    @Test
    void closingReleasesThePortAndLeavesTheExecutorsRunning() {
        FabricEmulator emulator = emulator();
        emulator.start();
        URI base = URI.create(emulator.baseUrl());

        emulator.close();

        assertThatThrownBy(() -> new Socket(base.getHost(), base.getPort()).close()).isInstanceOf(IOException.class);
        assertThat(handlers.isShutdown()).isFalse();
        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
    }

    private FabricEmulator emulator() {
        return FabricEmulator.builder(EmulatorHarness.sample(temp)).handlerExecutor(handlers).scheduler(scheduler)
                .build();
    }
}
