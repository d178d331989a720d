package org.dbb.console.app.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.ItemScript;
import org.dbb.console.core.emulator.scenario.JobFailure;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.fabric.ItemDefinition;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.workspace.pipeline.Activity;

/** What an edit made on the retry-policy page does in the sandbox: runs use it, and a push lands in the emulator. */
@Timeout(120)
class RetryPolicySandboxTest {

    private static final String NOTEBOOK = "Monitor load completeness";

    @TempDir
    Path temp;

    private RetryPageFixture page;
    private FabricEmulator emulator;
    private ExecutorService handlers;
    private ScheduledExecutorService timers;

    @AfterEach
    void close() {
        if (emulator != null) {
            emulator.close();
            handlers.shutdownNow();
            timers.shutdownNow();
        }
        if (page != null) {
            page.close();
        }
    }

    @Test
    void aSandboxRunAfterTheEditMakesAsManyAttemptsAsTheNewPolicyAllows() throws Exception {
        page = new RetryPageFixture(temp);
        page.row(NOTEBOOK).retryProperty().set("5");
        page.row(NOTEBOOK).intervalProperty().set("1");
        page.model.review();
        page.model.confirmSave();
        assertThat(page.model.pendingProperty().get()).isZero();

        ItemScript failsFourTimes = new ItemScript(java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                Set.of(1, 2, 3, 4), Set.of(), JobFailure.DEFAULT, Optional.empty(), Map.of(), Map.of());
        Scenario base = page.services.scenarioReader().defaultScenario();
        Scenario scenario = new Scenario(0.002, base.defaults(), Map.of("nb_monitor_load_completeness",
                failsFourTimes), Map.of(), java.util.List.of(), Optional.empty(), java.util.List.of(),
                java.util.List.of(), false);
        RunRequest request = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.POWER_BI_API, "operator", Optional.empty());

        RunOutcome outcome;
        String runId;
        try (PreparedRun run = page.services.runLauncher().prepare(page.open(), request,
                new SandboxOptions(Optional.empty(), Optional.of(scenario)), Map.of())) {
            var handle = run.start(event -> { });
            runId = handle.runId();
            outcome = handle.completion().get(100, TimeUnit.SECONDS);
        }

        assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
        RunRecord record = page.services.runJournal().find(runId).orElseThrow();
        RunRecord.StepRecord step = record.step(StepKey.of("Monitoring", NOTEBOOK)).orElseThrow();
        assertThat(step.attempts()).hasSize(5);
        assertThat(step.attempts().get(4).status().map(Object::toString)).contains("SUCCEEDED");
    }

    @Test
    void aPushedDefinitionIsReadBackFromTheSandboxEmulatorWithTheNewPolicyAndParameterisation() {
        Path root = temp.resolve("dbb");
        new org.dbb.console.core.sample.SampleWorkspace().exportTo(root);
        startEmulator(root);
        SandboxOptions sandbox = new SandboxOptions(Optional.of(URI.create(emulator.baseUrl())), Optional.empty());
        page = new RetryPageFixture(temp, root, Runnable::run, Runnable::run, sandbox);
        page.row(NOTEBOOK).retryProperty().set("5");
        page.model.reasonProperty().set("mount flakiness");
        page.model.review();
        page.model.confirmSave();
        page.model.selectedProperty().set(page.row(NOTEBOOK));
        page.model.pushEnvironmentProperty().set("sandbox");

        page.model.push();

        assertThat(page.model.statusProperty().get())
                .isEqualTo("Pushed orchestration_pipeline_DBB to sandbox; the policies read back match.");
        assertThat(page.model.pushReport()).anySatisfy(l -> assertThat(l).startsWith("parameter.yml for sandbox"
                + " replaced:")).anySatisfy(l -> assertThat(l).contains("find_replace"));
        assertThat(page.dialogs.asked()).singleElement().asString().startsWith("Push to sandbox: Replace the"
                + " definition of orchestration_pipeline_DBB in sandbox");
        EmulatedWorkspace ws = emulator.workspace("sandbox").orElseThrow();
        try (EnvironmentConnection connection = page.services.connector().connect(page.open(), "sandbox", sandbox,
                Map.of())) {
            ItemDefinition definition = connection.fabric().getItemDefinition(ws.id().toString(),
                    ws.itemId("DataPipeline", RetryPageFixture.MASTER).toString());
            String content = definition.part("pipeline-content.json").orElseThrow().text();
            Activity notebook = page.services.pipelineReader().read(JsonDocument.parse(TextFile.decode(
                    Path.of("pipeline-content.json"), content.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    RetryPageFixture.MASTER).findByName(NOTEBOOK).get(0);
            assertThat(notebook.effectivePolicy().effectiveRetry()).isEqualTo(5);
            assertThat(content).doesNotContain("l5cmkxmuh2p2x5acvhvneouldp").contains(ws.sqlEndpoint());
        }
        assertThat(page.audit()).filteredOn(e -> e.action() == AuditAction.DEFINITION_PUSH).singleElement()
                .satisfies(e -> {
                    assertThat(e.environment()).isEqualTo("sandbox");
                    assertThat(e.subject()).isEqualTo(RetryPageFixture.MASTER);
                    assertThat(e.after()).hasValueSatisfying(a -> assertThat(a).contains("verified"));
                    assertThat(e.reason()).contains("mount flakiness");
                });
    }

    @Test
    void anUnreachableEnvironmentIsReportedAndNothingIsAudited() {
        SandboxOptions nowhere = new SandboxOptions(Optional.of(URI.create("http://127.0.0.1:9")), Optional.empty());
        page = new RetryPageFixture(temp, temp.resolve("dbb"), Runnable::run, Runnable::run, nowhere);
        page.model.selectedProperty().set(page.row(NOTEBOOK));
        page.model.pushEnvironmentProperty().set("sandbox");

        page.model.push();

        assertThat(page.model.statusProperty().get()).startsWith("Cannot reach sandbox: ")
                .contains("no emulator answers at http://127.0.0.1:9").endsWith("Nothing was changed there.");
        assertThat(page.model.statusIsErrorProperty().get()).isTrue();
        assertThat(page.model.stateProperty().get()).isEqualTo(RetryPageState.READY);
        assertThat(page.audit()).isEmpty();
    }

    private void startEmulator(Path root) {
        handlers = Executors.newCachedThreadPool(DaemonThreads.named("test-emulator-"));
        timers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("test-emulator-timer-"));
        Workspace repository = new org.dbb.console.core.workspace.WorkspaceLoader(
                new org.dbb.console.core.workspace.config.ConsoleSettingsReader(),
                new org.dbb.console.core.workspace.ItemDiscovery(new org.dbb.console.core.files.JsonDocuments())).open(root);
        emulator = FabricEmulator.builder(repository).scenario(Scenario.neutral().withTimeScale(0.01))
                .handlerExecutor(handlers).scheduler(timers).build();
        emulator.start();
    }
}
