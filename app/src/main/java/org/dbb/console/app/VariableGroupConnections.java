package org.dbb.console.app;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import okhttp3.OkHttpClient;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.EmulatorTokens;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.fabric.devops.AzureDevOpsClient;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.ServiceEndpoints;
import org.dbb.console.core.variables.VariableGroupAccess;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Reads variable groups for one command: a real environment through Azure DevOps with its sign-in, a sandbox
 * environment through the embedded emulator, started on first use on 127.0.0.1. Owns its HTTP client, threads
 * and emulator; {@link #close()} releases them. Thread-safe.
 */
public final class VariableGroupConnections implements VariableGroupAccess, AutoCloseable {

    private final Workspace repository;
    private final ConnectionSettings settings;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();

    // Guarded by lock.
    private FabricEmulator emulator;
    private ExecutorService emulatorHandlers;
    private ScheduledExecutorService emulatorTimers;

    public VariableGroupConnections(Workspace repository, ConnectionSettings settings) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClients.create(settings.timeouts());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dbb-devops-"));
    }

    @Override
    public Optional<VariableGroupRef> groupOf(EnvironmentSettings env) {
        if (env.emulator()) {
            // The emulator serves a group for every environment, at the place dbb-console.yml names or its own.
            return emulator().workspace(env.name()).map(EmulatedWorkspace::variableGroup);
        }
        return env.variableGroup();
    }

    @Override
    public AzureDevOpsClient client(EnvironmentSettings env) {
        if (env.emulator()) {
            return new AzureDevOpsClient(transport(env, new EmulatorTokens(env.name()),
                    ServiceEndpoints.emulator(URI.create(emulator().devOpsUrl()))));
        }
        return new AzureDevOpsClient(transport(env, settings.tokens().tokensFor(env, http), settings.endpoints()));
    }

    private ApiTransport transport(EnvironmentSettings env, AccessTokens tokens, ServiceEndpoints endpoints) {
        return ApiTransport.builder(http, tokens, scheduler)
                .environment(env.name())
                .endpoints(endpoints)
                .retryBudget(settings.retry())
                .build();
    }

    private FabricEmulator emulator() {
        synchronized (lock) {
            if (emulator == null) {
                emulatorHandlers = Executors.newFixedThreadPool(2, DaemonThreads.named("dbb-devops-emulator-"));
                emulatorTimers = Executors.newSingleThreadScheduledExecutor(
                        DaemonThreads.named("dbb-devops-emulator-timer-"));
                FabricEmulator started = FabricEmulator.builder(repository).handlerExecutor(emulatorHandlers)
                        .scheduler(emulatorTimers).build();
                started.start();
                emulator = started;
            }
            return emulator;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (emulator != null) {
                emulator.close();
                emulatorHandlers.shutdownNow();
                emulatorTimers.shutdownNow();
                emulator = null;
            }
        }
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
