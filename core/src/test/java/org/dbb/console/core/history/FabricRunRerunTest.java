package org.dbb.console.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.node.TextNode;

import okhttp3.OkHttpClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.connect.EnvironmentConnector;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricStageDetail;
import org.dbb.console.core.fabricruns.FabricStageStatus;
import org.dbb.console.core.fabricruns.UnknownFabricRunException;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.launch.FabricRerunRequest;
import org.dbb.console.core.launch.PreparedFabricRerun;
import org.dbb.console.core.launch.RerunParameter;
import org.dbb.console.core.launch.RunLauncher;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.workspace.Workspace;

/**
 * The run history and a re-run of a Fabric run's failed stage, against a running emulator (real clock, time scale
 * 0.001) whose schedule starts a master-pipeline run that fails in Transformation on all three attempts.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FabricRunRerunTest {

    private static final String SCHEDULED_RUN_FAILING_IN_TRANSFORMATION = """
            timeScale: 0.001
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 0
                parameters: {environment: TEST, full_refresh: true}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;

    @TempDir
    static Path dir;

    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
    private final AtomicLong ids = new AtomicLong();
    private FabricEmulator emulator;
    private EmbeddedDatabase database;
    private JdbcRunJournal journal;
    private RunLauncher launcher;
    private Workspace repository;
    private SandboxOptions sandbox;
    /** The scheduled run, once it failed. */
    private String scheduledRunId;

    @BeforeAll
    void start() {
        repository = EmulatorFixture.sample(dir);
        emulator = FabricEmulator.builder(repository)
                .scenario(EmulatorFixture.scenarioFile(dir.resolve("scenario.yml"),
                        SCHEDULED_RUN_FAILING_IN_TRANSFORMATION))
                .handlerExecutor(handlers).scheduler(timers).build();
        emulator.start();
        sandbox = new SandboxOptions(Optional.of(URI.create(emulator.baseUrl())), Optional.empty());
        database = EmbeddedDatabase.open(dir.resolve("db"));
        journal = JdbcRunJournal.open(database);
        EnvironmentSignIn signIn = EnvironmentSignIn.builder(new OkHttpClient(),
                        new DataDirectories(dir.resolve("data")))
                .secureStorageProbe(() -> Optional.of("tests keep tokens in memory"))
                .osEnvironment(name -> null).build();
        EnvironmentConnector connector = new EnvironmentConnector(new OkHttpClient(), signIn, timers, handlers,
                timers, Clock.systemUTC());
        launcher = new RunLauncher(connector, new PlanBuilder(), row -> row, journal, timers, Clock.systemUTC(),
                () -> "console-run-" + ids.incrementAndGet(), name -> null);
        try (EnvironmentFabricRuns fabric = launcher.openFabricRuns(repository, "sandbox", sandbox, Map.of())) {
            scheduledRunId = awaitEndedScheduledRun(new RunHistory(journal, Optional.of(fabric),
                    Clock.systemUTC())).runId();
        }
    }

    @AfterAll
    void stop() {
        emulator.close();
        database.close();
        handlers.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void theScheduledRunIsInTheHistoryAsScheduledAndItsFailedStageReRunsLinkedToItBothWays() throws Exception {
        try (EnvironmentFabricRuns fabric = launcher.openFabricRuns(repository, "sandbox", sandbox, Map.of())) {
            RunHistory history = new RunHistory(journal, Optional.of(fabric), Clock.systemUTC());
            assertThat(history.lastFabricRead()).isEmpty();
            int consoleRunsBefore = journal.list(org.dbb.console.core.journal.RunQuery.newest(50)).size();
            RunHistoryEntry scheduled = awaitEndedScheduledRun(history);
            assertThat(scheduled.runId()).isEqualTo(scheduledRunId);
            assertThat(scheduled.origin()).isEqualTo(RunOrigin.FABRIC);
            assertThat(scheduled.invokeType()).contains(InvokeType.SCHEDULED);
            assertThat(scheduled.startedBy()).isEqualTo("Fabric schedule");
            assertThat(scheduled.status()).isEqualTo(RunHistoryStatus.FAILED);
            assertThat(scheduled.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("JobInstanceStatusFailed"));
            assertThat(history.lastFabricRead()).isPresent();
            assertThat(history.nextPoll()).isPositive();
            FabricRunDetail detail = history.fabricDetail(scheduled.runId());
            assertThat(detail.stages()).extracting(FabricStageDetail::status).containsExactly(
                    FabricStageStatus.SUCCEEDED, FabricStageStatus.SUCCEEDED, FabricStageStatus.FAILED,
                    FabricStageStatus.SKIPPED, FabricStageStatus.SKIPPED, FabricStageStatus.SKIPPED);
            EmulatorStats before = emulator.stats();

            RunOutcome outcome;
            String rerunId;
            try (PreparedFabricRerun rerun = launcher.prepareFabricRerun(repository, request(scheduled.runId(),
                    RerunMode.STAGE_ONLY, "transformation", Map.of()), sandbox, Map.of())) {
                assertThat(rerun.basis().stage()).isEqualTo("Transformation");
                assertThat(rerun.basis().variables()).containsKey("load_date");
                // the emulator's Lookups answer empty rows, so the workspace id the Lookup gave is not known
                assertThat(rerun.basis().unknownVariables()).containsExactly("workspace_id");
                assertThat(rerun.parameters()).filteredOn(p -> p.name().equals("environment")).singleElement()
                        .satisfies(p -> {
                            assertThat(p.source()).isEqualTo(RerunParameter.Source.FROM_RUN);
                            assertThat(p.value().orElseThrow().asText()).isEqualTo("TEST");
                        });
                assertThat(rerun.parameters()).filteredOn(p -> p.name().equals("run_maintenance")).singleElement()
                        .satisfies(p -> assertThat(p.source()).isEqualTo(RerunParameter.Source.DEFAULT));
                assertThat(rerun.anyDefaulted()).isTrue();
                var handle = rerun.run().start(event -> { });
                rerunId = handle.runId();
                outcome = handle.completion().get(45, TimeUnit.SECONDS);
            }

            assertThat(outcome.state()).as(outcome.toString()).isEqualTo(RunState.SUCCEEDED);
            assertThat(outcome.rerunOf()).contains(scheduled.runId());
            EmulatorStats after = emulator.stats();
            assertThat(after.jobsStarted("sandbox", "integration_pipeline_DBB"))
                    .isEqualTo(before.jobsStarted("sandbox", "integration_pipeline_DBB"));
            assertThat(after.jobsStarted("sandbox", "orchestration_pipeline_DBB"))
                    .isEqualTo(before.jobsStarted("sandbox", "orchestration_pipeline_DBB"));
            assertThat(after.jobsStarted("sandbox", "transformation_pipeline_DBB"))
                    .isEqualTo(before.jobsStarted("sandbox", "transformation_pipeline_DBB") + 1);
            RunRecord record = journal.find(rerunId).orElseThrow();
            assertThat(record.rerunOf()).contains(scheduled.runId());
            assertThat(record.request().rerun().orElseThrow().originalOrigin()).isEqualTo(RunOrigin.FABRIC);
            assertThat(record.stages()).containsEntry("Initialisation", StepState.SUCCEEDED)
                    .containsEntry("Transformation", StepState.SUCCEEDED)
                    .containsEntry("Monitoring", StepState.SKIPPED);
            assertThat(record.step(StepKey.of("Integration", "Run integration pipeline")).orElseThrow().attempts())
                    .isEmpty();

            List<RunHistoryEntry> all = history.list(HistoryQuery.newest(Optional.of("sandbox"), HistorySource.ALL,
                    10));
            assertThat(all).extracting(RunHistoryEntry::runId).containsSubsequence(rerunId, scheduled.runId());
            assertThat(all).hasSize(consoleRunsBefore + 2);
            RunHistoryEntry consoleRun = all.stream().filter(e -> e.runId().equals(rerunId)).findFirst().orElseThrow();
            RunHistoryEntry fabricRun = all.stream().filter(e -> e.runId().equals(scheduled.runId())).findFirst()
                    .orElseThrow();
            assertThat(consoleRun.origin()).isEqualTo(RunOrigin.CONSOLE);
            assertThat(consoleRun.rerunOf()).contains(scheduled.runId());
            assertThat(consoleRun.rerunOfOrigin()).contains(RunOrigin.FABRIC);
            assertThat(consoleRun.status()).isEqualTo(RunHistoryStatus.SUCCEEDED);
            assertThat(consoleRun.startedBy()).isEqualTo("operator");
            assertThat(fabricRun.rerunBy()).containsExactly(rerunId);
            assertThat(history.list(HistoryQuery.newest(Optional.of("sandbox"), HistorySource.CONSOLE, 10)))
                    .extracting(RunHistoryEntry::origin).containsOnly(RunOrigin.CONSOLE).isNotEmpty();
        }
    }

    @Test
    void aReRunThatWouldReuseTheFailedStageOrOnlyFailedItemsIsRefusedSayingWhatToDo() {
        String runId = scheduledRunId;
        int runsBefore = journal.list(org.dbb.console.core.journal.RunQuery.newest(50)).size();
        assertThatThrownBy(() -> launcher.prepareFabricRerun(repository, request(runId, RerunMode.STAGE_ONLY,
                "Monitoring", Map.of()), sandbox, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage Transformation ended FAILED")
                .hasMessageContaining("--from-stage Transformation");
        assertThatThrownBy(() -> request(runId, RerunMode.ONLY_FAILED, "Transformation", Map.of()))
                .hasMessageContaining("not offered for a Fabric run");
        assertThatThrownBy(() -> launcher.prepareFabricRerun(repository, request(runId, RerunMode.STAGE_ONLY,
                "Nowhere", Map.of()), sandbox, Map.of()))
                .hasMessageContaining("has no stage 'Nowhere'");
        assertThat(journal.list(org.dbb.console.core.journal.RunQuery.newest(50))).hasSize(runsBefore);
    }

    @Test
    void anOverriddenParameterIsUsedAndMarkedAsSuch() {
        String runId = scheduledRunId;
        try (PreparedFabricRerun rerun = launcher.prepareFabricRerun(repository, request(runId,
                RerunMode.FROM_STAGE, "Transformation", Map.of("full_refresh", TextNode.valueOf("false"))), sandbox,
                Map.of())) {
            assertThat(rerun.parameters()).filteredOn(p -> p.name().equals("full_refresh")).singleElement()
                    .satisfies(p -> {
                        assertThat(p.source()).isEqualTo(RerunParameter.Source.OVERRIDDEN);
                        assertThat(p.value().orElseThrow().asBoolean()).isFalse();
                    });
            assertThat(rerun.run().plan().request().rerun().orElseThrow().mode()).isEqualTo(RerunMode.FROM_STAGE);
        }
    }

    @Test
    void anUnknownJobIdIsNamedAsSuch() {
        try (EnvironmentFabricRuns fabric = launcher.openFabricRuns(repository, "sandbox", sandbox, Map.of())) {
            assertThatThrownBy(() -> fabric.detail("6f0c2b1e-0000-4000-8000-000000000001"))
                    .isInstanceOf(UnknownFabricRunException.class)
                    .hasMessageContaining("Fabric has no run 6f0c2b1e-0000-4000-8000-000000000001");
            assertThatThrownBy(() -> fabric.detail("not-a-guid")).isInstanceOf(UnknownFabricRunException.class)
                    .hasMessageContaining("is not a Fabric job instance id");
        }
    }

    private static FabricRerunRequest request(String runId, RerunMode mode, String stage,
            Map<String, com.fasterxml.jackson.databind.JsonNode> overrides) {
        return new FabricRerunRequest("sandbox", runId, mode, stage, overrides, RefreshMode.POWER_BI_API,
                "operator");
    }

    private static RunHistoryEntry awaitEndedScheduledRun(RunHistory history) {
        RunHistoryEntry[] found = new RunHistoryEntry[1];
        await(() -> {
            found[0] = history.list(HistoryQuery.newest(Optional.empty(), HistorySource.FABRIC, 10)).stream()
                    .filter(e -> e.invokeType().equals(Optional.of(InvokeType.SCHEDULED)))
                    .filter(e -> e.status().isTerminal()).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 40 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
