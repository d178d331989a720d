package org.dbb.console.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import okhttp3.OkHttpClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.Workspace;

@Timeout(20)
class EnvironmentConnectorTest {

    @TempDir
    Path dir;

    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    private EnvironmentConnector connector() {
        EnvironmentSignIn signIn = EnvironmentSignIn.builder(new OkHttpClient(), new DataDirectories(dir.resolve("data")))
                .secureStorageProbe(() -> Optional.of("tests keep tokens in memory"))
                .osEnvironment(name -> null)
                .build();
        return new EnvironmentConnector(new OkHttpClient(), signIn, timers, handlers, timers, Clock.systemUTC());
    }

    @Test
    void sandboxStartsAnInProcessEmulatorAndTheClientsReachItsWorkspace() {
        Workspace repo = EmulatorFixture.sample(dir);
        Scenario scenario = Scenario.neutral().withTimeScale(0.02);
        try (EnvironmentConnection sandbox = connector().connect(repo, "sandbox",
                new SandboxOptions(Optional.empty(), Optional.of(scenario)), Map.of())) {
            assertThat(sandbox.emulator()).isPresent();
            assertThat(sandbox.timeScale()).isEqualTo(0.02);
            assertThat(sandbox.fabric().listWorkspaces()).extracting(w -> w.displayName())
                    .contains("DBB Sandbox");
            assertThat(sandbox.endpointDescription()).startsWith("the sandbox emulator at http://127.0.0.1:");
        }
    }

    @Test
    void theSandboxVariableGroupComesFromItsEmulatorWithTheWebhookTheSettingsReferTo() {
        Workspace repo = EmulatorFixture.sample(dir);
        try (EnvironmentConnection sandbox = connector().connect(repo, "sandbox",
                new SandboxOptions(Optional.empty(), Optional.of(Scenario.neutral())), Map.of())) {
            assertThat(sandbox.variableGroupValues()).containsKey("DBB_TEAMS_WEBHOOK");
            assertThat(sandbox.variableGroupValues().get("DBB_TEAMS_WEBHOOK").value())
                    .startsWith(sandbox.emulator().orElseThrow().baseUrl() + "/_emulator/webhooks/");
        }
    }

    @Test
    void aRunningEmulatorIsReachedByItsUrlAndItsTimeScaleIsReadFromIt() {
        Workspace repo = EmulatorFixture.sample(dir);
        FabricEmulator standalone = FabricEmulator.builder(repo).scenario(Scenario.neutral().withTimeScale(0.25))
                .handlerExecutor(handlers).scheduler(timers).build();
        standalone.start();
        try (EnvironmentConnection sandbox = connector().connect(repo, "sandbox",
                new SandboxOptions(Optional.of(URI.create(standalone.baseUrl())), Optional.empty()), Map.of())) {
            assertThat(sandbox.emulator()).isEmpty();
            assertThat(sandbox.timeScale()).isEqualTo(0.25);
            assertThat(sandbox.fabric().listWorkspaces()).isNotEmpty();
        } finally {
            standalone.close();
        }
    }

    @Test
    void anEmulatorUrlWhereNothingAnswersSaysHowToStartOne() {
        Workspace repo = EmulatorFixture.sample(dir);
        SandboxOptions nowhere = new SandboxOptions(Optional.of(URI.create("http://127.0.0.1:9")), Optional.empty());
        assertThatThrownBy(() -> connector().connect(repo, "sandbox", nowhere, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no emulator answers at http://127.0.0.1:9")
                .hasMessageContaining("dbb emulator");
    }

    @Test
    void anUnknownEnvironmentListsTheKnownOnes() {
        Workspace repo = EmulatorFixture.sample(dir);
        assertThatThrownBy(() -> connector().connect(repo, "STAGING", SandboxOptions.inProcess(), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown environment 'STAGING'")
                .hasMessageContaining("sandbox, DEV, TEST, PROD");
    }

    @Test
    void aTenantEnvironmentGetsRealClientsAtTimeScaleOneWithoutSigningIn() {
        Workspace repo = EmulatorFixture.sample(dir);
        try (EnvironmentConnection dev = connector().connect(repo, "DEV", SandboxOptions.inProcess(), Map.of())) {
            assertThat(dev.timeScale()).isEqualTo(1.0);
            assertThat(dev.emulator()).isEmpty();
            assertThat(dev.endpointDescription()).isEqualTo("Microsoft Fabric");
        }
    }
}
