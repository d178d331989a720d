package org.dbb.console.core.connect;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.auth.EnvironmentTokens;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.Polling;
import org.dbb.console.core.fabric.devops.AzureDevOpsClient;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.ServiceEndpoints;
import org.dbb.console.core.fabric.jobs.JobTypes;
import org.dbb.console.core.fabric.powerbi.PowerBiClient;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * Opens {@link EnvironmentConnection}s: real clients signed in for a tenant's environment, or pointed at the
 * sandbox emulator (started in-process on 127.0.0.1, or one already running). Executors are injected and stay the
 * caller's to shut down. Thread-safe.
 */
public final class EnvironmentConnector {

    /** The sandbox says {@code Retry-After: 0} at fast time scales; a floor keeps polls from spinning. */
    private static final Polling SANDBOX_POLLING = new Polling(Duration.ofMillis(50), Duration.ofMillis(500),
            Duration.ofMinutes(30));

    private final OkHttpClient http;
    private final EnvironmentSignIn signIn;
    private final ScheduledExecutorService clientScheduler;
    private final ExecutorService emulatorHandlers;
    private final ScheduledExecutorService emulatorScheduler;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public EnvironmentConnector(OkHttpClient http, EnvironmentSignIn signIn, ScheduledExecutorService clientScheduler,
                                ExecutorService emulatorHandlers, ScheduledExecutorService emulatorScheduler,
                                Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.clientScheduler = Objects.requireNonNull(clientScheduler, "clientScheduler");
        this.emulatorHandlers = Objects.requireNonNull(emulatorHandlers, "emulatorHandlers");
        this.emulatorScheduler = Objects.requireNonNull(emulatorScheduler, "emulatorScheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Connects to {@code environment} of {@code repository}. Signs nobody in interactively: a real environment's
     * first call fails with "sign-in required" until its tokens are signed in.
     *
     * @param variables the environment's variable-group values, for {@code $ENV:NAME} references in its settings
     * @throws InvalidInputException when the environment is unknown or a standalone emulator cannot be reached
     */
    public EnvironmentConnection connect(Workspace repository, String environment, SandboxOptions sandbox,
                                         Map<String, VariableValue> variables) {
        EnvironmentSettings settings = repository.settings().environment(environment).orElseThrow(() ->
                invalid(repository, "unknown environment '" + environment + "'; the environments are "
                        + String.join(", ", repository.settings().environments().keySet())));
        EnvironmentTokens tokens = signIn.tokensFor(settings, variables);
        if (!settings.emulator()) {
            ApiTransport transport = transport(tokens, environment, ServiceEndpoints.PUBLIC_CLOUD);
            return new EnvironmentConnection(settings, tokens, new FabricClient(transport),
                    new PowerBiClient(transport), new AzureDevOpsClient(transport), 1.0, "Microsoft Fabric",
                    Optional.empty());
        }
        Optional<FabricEmulator> started = Optional.empty();
        URI base;
        double timeScale;
        if (sandbox.emulatorUrl().isPresent()) {
            base = sandbox.emulatorUrl().get();
            timeScale = standaloneTimeScale(repository, base);
        } else {
            // SandboxOptions promises the built-in scenario when none is given
            Scenario scenario = sandbox.scenario().orElseGet(() -> new ScenarioReader(FabricEmulator.routeKeys())
                    .defaultScenario());
            FabricEmulator emulator = FabricEmulator.builder(repository).scenario(scenario)
                    .handlerExecutor(emulatorHandlers).scheduler(emulatorScheduler).build();
            emulator.start();
            started = Optional.of(emulator);
            base = URI.create(emulator.baseUrl());
            timeScale = scenario.timeScale();
        }
        ApiTransport transport = transport(tokens, environment, ServiceEndpoints.emulator(base));
        return new EnvironmentConnection(settings, tokens,
                new FabricClient(transport, JobTypes.defaults(), SANDBOX_POLLING),
                new PowerBiClient(transport, SANDBOX_POLLING), new AzureDevOpsClient(transport), timeScale,
                "the sandbox emulator at " + base, started);
    }

    private ApiTransport transport(EnvironmentTokens tokens, String environment, ServiceEndpoints endpoints) {
        return ApiTransport.builder(http, tokens, clientScheduler).environment(environment).endpoints(endpoints)
                .clock(clock).build();
    }

    private double standaloneTimeScale(Workspace repository, URI base) {
        Request request = new Request.Builder().url(base.resolve("/_emulator/stats").toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode stats = json.readTree(response.body() == null ? "{}" : response.body().string());
            if (!response.isSuccessful() || !stats.path("timeScale").isNumber()) {
                throw invalid(repository, "the emulator at " + base + " answered " + response.code()
                        + " without a timeScale; start one with `dbb emulator` and pass its URL");
            }
            return stats.get("timeScale").asDouble();
        } catch (IOException e) {
            throw invalid(repository, "no emulator answers at " + base + " (" + e.getMessage()
                    + "); start one with `dbb emulator`, or leave out the emulator URL to start one in-process");
        }
    }

    private static InvalidInputException invalid(Workspace repository, String message) {
        return new InvalidInputException(Problem.error(repository.settings().file().orElse(repository.root()), 0, 0,
                message));
    }
}
