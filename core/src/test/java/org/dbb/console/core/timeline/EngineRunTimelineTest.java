package org.dbb.console.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunEngine;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.plan.EnvironmentCatalog;
import org.dbb.console.core.plan.EnvironmentCatalogs;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RetrySpec;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.Workspace;

/**
 * Real runs through {@link RunEngine} against the emulator (real HTTP), recorded by a {@link TimelineRecorder}
 * listening to the engine, with the journal in a real database; the journal's record of the same run read back with
 * {@link RunTimelines#fromRecord} must agree with what was recorded live.
 */
class EngineRunTimelineTest {

    private static final double SCALE = 0.001;

    @TempDir
    Path temp;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private EmulatorFixture fabric;
    private EmbeddedDatabase database;
    private JdbcRunJournal journal;
    private RunEngine engine;
    private Workspace repository;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        if (fabric != null) {
            fabric.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void start(String scenario) {
        repository = EmulatorFixture.sample(temp.resolve("repository"));
        fabric = EmulatorFixture.builder(repository)
                .scenario(EmulatorFixture.scenarioFile(temp.resolve("scenario.yml"), scenario)).start();
        database = EmbeddedDatabase.open(temp.resolve("journal"));
        journal = JdbcRunJournal.open(database);
        engine = new RunEngine(fabric.fabric(), new RefreshConductor(fabric.powerBi(), scheduler, Clock.systemUTC()),
                scheduler, Clock.systemUTC(), row -> row, journal, () -> "run-1");
    }

    /** Runs {@code plan} with a recorder listening; events reach the recorder one at a time, under its lock. */
    private TimelineRecorder run(RunPlan plan) throws Exception {
        TimelineRecorder recorder = new TimelineRecorder(plan, "run-1");
        RunHandle handle = engine.start(plan, event -> {
            synchronized (recorder) {
                recorder.accept(event);
            }
        });
        RunOutcome outcome = handle.completion().get(20, TimeUnit.SECONDS);
        assertThat(outcome.runId()).isEqualTo("run-1");
        return recorder;
    }

    private static RunTimeline timeline(TimelineRecorder recorder) {
        synchronized (recorder) {
            return recorder.timeline();
        }
    }

    private ItemRef item(String type, String name) {
        return new ItemRef(type, name, fabric.sandboxId(), fabric.itemId(type, name));
    }

    private static StepRow row(RunTimeline timeline, String stage, String path) {
        StepKey key = new StepKey(stage, path);
        return timeline.allSteps().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + timeline));
    }

    @Test
    void theSampleRunIsRecordedLiveWithItsRetryBreachesBranchAndModelsAndItsRecordAgrees() throws Exception {
        start("""
                timeScale: 0.001
                defaults: {refreshSeconds: 30, refreshQueueSeconds: 0}
                items:
                  transformation_pipeline_DBB:
                    failOnAttempts: [1]
                    failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
                  nb_monitor_threshold_breaches:
                    exitValue:
                      breaches:
                        - {table: fct_sales, metric: row_count_drop_pct, value: 31.4, threshold: 25.0}
                """);
        EnvironmentCatalog catalog = EnvironmentCatalogs.fetch(fabric.fabric(),
                repository.settings().environment("sandbox").orElseThrow(), fabric.sandbox().displayName());
        RunPlan plan = new PlanBuilder().build(repository, catalog, new RunRequest("sandbox", Map.of(), true,
                Optional.empty(), OptionalInt.of(2), RefreshMode.POWER_BI_API, "ops", Optional.empty()), SCALE);

        RunTimeline live = timeline(run(plan));

        assertThat(live.state()).as(live::toString).isEqualTo(RunState.SUCCEEDED);
        assertThat(live.start()).isPresent();
        assertThat(live.end()).isPresent();
        assertThat(live.workspaceId()).contains(fabric.sandboxId());
        assertThat(live.stages()).extracting(StageLane::name).containsExactly("Initialisation", "Integration",
                "Transformation", "Monitoring", "Maintenance", "Semantic refresh");
        assertThat(live.stages()).allSatisfy(stage -> {
            assertThat(stage.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(stage.start()).isPresent();
            assertThat(stage.end()).isPresent();
        });
        assertThat(live.allSteps()).allSatisfy(r -> assertThat(r.state()).as(r.key().toString())
                .isEqualTo(StepState.SUCCEEDED));

        StepRow transformation = row(live, "Transformation", "Run transformation pipeline");
        assertThat(transformation.type()).isEqualTo("InvokePipeline");
        assertThat(transformation.itemId()).contains(fabric.itemId("DataPipeline", "transformation_pipeline_DBB"));
        assertThat(transformation.attempts()).extracting(AttemptSpan::attempt, AttemptSpan::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Optional.of(AttemptStatus.FAILED)),
                        org.assertj.core.groups.Tuple.tuple(2, Optional.of(AttemptStatus.SUCCEEDED)));
        assertThat(transformation.attempts()).allSatisfy(a -> assertThat(a.jobInstanceId()).isPresent());
        assertThat(transformation.attempts().get(0).message()).hasValueSatisfying(m -> assertThat(m)
                .contains("dbt run failed"));
        assertThat(transformation.waits()).anySatisfy(w -> {
            assertThat(w.reason().kind()).isEqualTo(WaitReason.Kind.RETRY_AT);
            assertThat(w.end()).isPresent();
        });
        assertThat(row(live, "Monitoring", "Monitor threshold breaches").breaches()).singleElement()
                .satisfies(b -> assertThat(b.table()).contains("fct_sales"));
        assertThat(row(live, "Maintenance", "Run maintenance if requested").children())
                .extracting(StepRow::label, StepRow::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Clean up retained files", "TridentNotebook"),
                        org.assertj.core.groups.Tuple.tuple("Optimise tables", "TridentNotebook"));
        StepRow refresh = row(live, "Semantic refresh", "Refresh semantic models");
        assertThat(refresh.children()).hasSize(6).allSatisfy(model -> {
            assertThat(model.type()).isEqualTo(StepTypes.SEMANTIC_MODEL_REFRESH);
            assertThat(model.itemId()).contains(fabric.itemId("SemanticModel", model.label()));
            assertThat(model.attempts()).singleElement().satisfies(a -> {
                assertThat(a.jobInstanceId()).as("the refresh id").isPresent();
                assertThat(a.status()).contains(AttemptStatus.SUCCEEDED);
            });
        });

        assertRecordAgrees(live, journal.find("run-1").orElseThrow());
    }

    @Test
    void aBusyModelAFanOutAndARetryAreRecordedLiveAndTheirRecordAgrees() throws Exception {
        start("""
                timeScale: 0.001
                defaults: {refreshSeconds: 30, refreshQueueSeconds: 0, jobSeconds: 20, queueSeconds: 1}
                items:
                  nb_silver_conform: {failOnAttempts: [1], failure: {errorCode: SparkJobFailed, message: boom}}
                models:
                  Sales:
                    busy: {startAfterSeconds: 0, seconds: 1500}
                """);
        String ws = fabric.sandboxId();
        RetrySpec oneRetry = new RetrySpec(1, Duration.ofMillis(20), Duration.ofSeconds(10));
        RunPlan plan = TestPlans.in(ws)
                .stage("Semantic refresh", TestPlans.refresh("Refresh semantic models", 2, TestPlans.NO_RETRY,
                        new ModelTarget("Sales", ws, fabric.itemId("SemanticModel", "Sales"), Duration.ofMinutes(5),
                                List.of()),
                        new ModelTarget("HR", ws, fabric.itemId("SemanticModel", "HR"), Duration.ofMinutes(5),
                                List.of())))
                .stage("Load", TestPlans.forEach("Check tables", "@range(0, 4)", 2,
                        TestPlans.notebook("Check table", item("Notebook", "nb_gold_quality_checks"),
                                TestPlans.NO_RETRY)))
                .stage("Transformation", TestPlans.notebook("Conform silver", item("Notebook", "nb_silver_conform"),
                        oneRetry))
                .build();

        RunTimeline live = timeline(run(plan));

        assertThat(live.state()).as(live::toString).isEqualTo(RunState.SUCCEEDED);
        assertThat(live.stages()).allSatisfy(stage -> assertThat(stage.state()).isEqualTo(StepState.SUCCEEDED));
        StepRow sales = row(live, "Semantic refresh", "Refresh semantic models/Sales");
        assertThat(sales.waits()).anySatisfy(w -> {
            assertThat(w.reason().kind()).isEqualTo(WaitReason.Kind.MODEL_BUSY);
            assertThat(w.reason().holders()).containsExactly("Sales");
            assertThat(w.end()).isPresent();
        });
        WaitSpan busy = sales.waits().stream().filter(w -> w.reason().kind() == WaitReason.Kind.MODEL_BUSY)
                .findFirst().orElseThrow();
        assertThat(sales.attempts()).as(sales::toString).singleElement()
                .satisfies(a -> assertThat(a.start()).as("refreshed once Power BI's own refresh let it")
                        .isAfter(busy.start()));
        assertThat(busy.end()).isPresent();
        StepRow fanOut = row(live, "Load", "Check tables");
        assertThat(fanOut.children()).extracting(StepRow::label).containsExactly("[0] 0", "[1] 1", "[2] 2", "[3] 3");
        assertThat(fanOut.children()).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(item.children()).singleElement().satisfies(inner -> {
                assertThat(inner.label()).isEqualTo("Check table");
                assertThat(inner.type()).isEqualTo("TridentNotebook");
                assertThat(inner.attempts()).singleElement().satisfies(a -> assertThat(a.status())
                        .contains(AttemptStatus.SUCCEEDED));
            });
        });
        assertThat(fanOut.children().get(3).waits()).as("the last item waited for a slot")
                .anySatisfy(w -> assertThat(w.reason().kind()).isEqualTo(WaitReason.Kind.SLOT_HELD));
        StepRow conform = row(live, "Transformation", "Conform silver");
        assertThat(conform.retried()).isTrue();
        assertThat(conform.attempts()).extracting(AttemptSpan::status).containsExactly(
                Optional.of(AttemptStatus.FAILED), Optional.of(AttemptStatus.SUCCEEDED));
        assertThat(conform.attempts().get(0).errorCode()).isPresent();

        assertRecordAgrees(live, journal.find("run-1").orElseThrow());
    }

    /** The journal's record of the run shows the same stages, rows, states and attempts as the live timeline. */
    private static void assertRecordAgrees(RunTimeline live, RunRecord record) {
        RunTimeline recorded = RunTimelines.fromRecord(record);

        assertThat(recorded.state()).isEqualTo(live.state());
        assertThat(recorded.start()).isPresent();
        assertThat(recorded.end()).isPresent();
        assertThat(recorded.stages()).extracting(StageLane::name, StageLane::state)
                .containsExactlyElementsOf(live.stages().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.name(), s.state())).toList());
        Map<StepKey, StepRow> recordedRows = recorded.allSteps().stream()
                .collect(Collectors.toMap(StepRow::key, Function.identity()));
        assertThat(recordedRows.keySet()).containsExactlyInAnyOrderElementsOf(live.allSteps().stream()
                .map(StepRow::key).toList());
        for (StepRow row : live.allSteps()) {
            StepRow same = recordedRows.get(row.key());
            assertThat(same.state()).as(row.key().toString()).isEqualTo(row.state());
            assertThat(same.attempts()).as(row.key() + " attempts")
                    .extracting(AttemptSpan::attempt, AttemptSpan::status, AttemptSpan::jobInstanceId)
                    .containsExactlyElementsOf(row.attempts().stream().map(a -> org.assertj.core.groups.Tuple
                            .tuple(a.attempt(), a.status(), a.jobInstanceId())).toList());
            assertThat(same.breaches()).as(row.key() + " breaches").isEqualTo(row.breaches());
        }
        for (StageLane stage : recorded.stages()) {
            assertThat(stage.start()).as(stage.name()).isPresent();
            assertThat(stage.end()).as(stage.name()).isPresent();
        }
    }
}
