package org.dbb.console.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.MutableClock;
import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.fabricruns.FabricActivityDetail;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricRunHistory;
import org.dbb.console.core.fabricruns.FabricRunSummary;
import org.dbb.console.core.fabricruns.FabricStageDetail;
import org.dbb.console.core.fabricruns.FabricStageStatus;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStages;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

/**
 * Runs the emulator's schedule started, read through {@link FabricRunHistory} and the real clients on a hand-moved
 * clock (time scale 0.001), then laid out for the timeline.
 */
class RunTimelinesFromFabricTest {

    private static final String MASTER = "orchestration_pipeline_DBB";
    private static final String FAILING_IN_TRANSFORMATION = """
            timeScale: 0.001
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 0
                parameters: {environment: TEST, run_maintenance: true}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;
    private static final String SUCCEEDING_WITH_MAINTENANCE_WITHOUT_CHILD_RUN_IDS = """
            timeScale: 0.001
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 0
                parameters: {run_maintenance: true, semantic_models: [Sales]}
            omitChildRunIds: true
            """;
    private static final Duration UNTIL_DONE = Duration.ofMinutes(30);
    private static final Instant T0 = Instant.parse("2025-05-01T06:00:00Z");

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(T0);
    private EmulatorFixture fixture;
    private MasterStages master;
    private FabricRunHistory history;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(String scenario) {
        Workspace repository = EmulatorFixture.sample(temp);
        master = new MasterStagesReader(new PipelineReader(), new StageLayouts()).read(repository);
        fixture = EmulatorFixture.builder(repository)
                .scenario(EmulatorFixture.scenarioFile(temp.resolve("scenario.yml"), scenario))
                .clock(clock, Duration.ZERO)
                .start();
        history = new FabricRunHistory(fixture.fabric(), clock, EmulatorFixture.FAST_POLLING);
    }

    private FabricRunDetail scheduledRun() {
        String masterId = fixture.itemId("DataPipeline", MASTER);
        String runId = history.recent(fixture.sandboxId(), masterId, 10).stream()
                .filter(r -> r.invokeType() == InvokeType.SCHEDULED).findFirst().orElseThrow().jobInstanceId();
        return history.detail(fixture.sandboxId(), masterId, runId, master.layout());
    }

    private RunTimeline timeline(FabricRunDetail detail) {
        return RunTimelines.fromFabric(detail, "sandbox", Optional.of(fixture.sandboxId()));
    }

    private static StepRow row(RunTimeline timeline, String stage, String path) {
        return timeline.allSteps().stream().filter(r -> r.key().stage().equals(stage) && r.key().path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + stage + ": " + path));
    }

    @Test
    void aFailedScheduledRunShowsEachStageItsActivitiesAndTheChildRunThatFailed() {
        start(FAILING_IN_TRANSFORMATION);
        clock.advance(UNTIL_DONE);
        FabricRunDetail detail = scheduledRun();

        RunTimeline timeline = timeline(detail);

        assertThat(timeline.origin()).isEqualTo(RunOrigin.FABRIC);
        assertThat(timeline.runId()).isEqualTo(detail.run().jobInstanceId());
        assertThat(timeline.environment()).isEqualTo("sandbox");
        assertThat(timeline.workspaceId()).contains(fixture.sandboxId());
        assertThat(timeline.state()).isEqualTo(RunState.FAILED);
        assertThat(timeline.start()).isEqualTo(detail.run().start());
        assertThat(timeline.end()).isPresent();
        assertThat(timeline.rerunOf()).isEmpty();
        assertThat(timeline.notes()).singleElement().satisfies(n -> assertThat(n)
                .startsWith("Fabric reports the run failed: ").contains("Run transformation pipeline"));
        assertThat(timeline.stages()).extracting(StageLane::name, StageLane::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Initialisation", StepState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("Integration", StepState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("Transformation", StepState.FAILED),
                org.assertj.core.groups.Tuple.tuple("Monitoring", StepState.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("Maintenance", StepState.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("Semantic refresh", StepState.SKIPPED));
        assertThat(timeline.stage("Transformation").orElseThrow().reason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("ChildPipelineFailed: "));
        assertThat(timeline.stage("Monitoring").orElseThrow().reason()).contains("stage Transformation failed");

        StageLane init = timeline.stage("Initialisation").orElseThrow();
        assertThat(init.steps()).extracting(StepRow::label).containsExactly("Lookup environment", "Lookup item ids",
                "Lookup connection ids", "Set workspace id", "Set load date");
        assertThat(init.steps()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(r.attempts()).singleElement().satisfies(a -> {
                assertThat(a.attempt()).isEqualTo(1);
                assertThat(a.status()).contains(AttemptStatus.SUCCEEDED);
                assertThat(a.end()).isPresent();
            });
        });
        assertThat(row(timeline, "Initialisation", "Lookup environment").type()).isEqualTo("Lookup");

        FabricActivityDetail failed = detail.stage("Transformation").orElseThrow().activities().get(0);
        StepRow transformation = row(timeline, "Transformation", "Run transformation pipeline");
        assertThat(transformation.type()).isEqualTo("InvokePipeline");
        assertThat(transformation.state()).isEqualTo(StepState.FAILED);
        assertThat(transformation.itemId()).contains(fixture.itemId("DataPipeline", "transformation_pipeline_DBB"));
        assertThat(transformation.attempts()).as("only the latest attempt is known, numbered as Fabric counted")
                .singleElement().satisfies(a -> {
                    assertThat(a.attempt()).isEqualTo(3);
                    assertThat(a.status()).contains(AttemptStatus.FAILED);
                    assertThat(a.jobInstanceId()).contains(failed.activityRunId());
                    assertThat(a.errorCode()).contains("ChildPipelineFailed");
                    assertThat(a.message()).isEqualTo(failed.error().map(e -> e.message()));
                });
        assertThat(transformation.activityRunsNote()).isEmpty();
        assertThat(transformation.children()).filteredOn(c -> c.label().equals("Build gold with dbt"))
                .singleElement().satisfies(child -> {
                    assertThat(child.key()).isEqualTo(transformation.key().child("Build gold with dbt"));
                    assertThat(child.state()).isEqualTo(StepState.FAILED);
                    assertThat(child.attempts()).singleElement().satisfies(a -> {
                        assertThat(a.errorCode()).contains("DbtRunFailed");
                        assertThat(a.message()).contains("dbt run failed");
                    });
                });
        assertThat(row(timeline, "Integration", "Run integration pipeline").children()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.state()).isEqualTo(StepState.SUCCEEDED));

        assertThat(timeline.stage("Monitoring").orElseThrow().steps())
                .extracting(StepRow::label, StepRow::state, StepRow::attempts).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Monitor load completeness", StepState.SKIPPED, List.of()),
                        org.assertj.core.groups.Tuple.tuple("Monitor threshold breaches", StepState.SKIPPED,
                                List.of()));
    }

    @Test
    void aRunStillGoingShowsWhatHasNotRunYetAsPending() {
        start(FAILING_IN_TRANSFORMATION);
        clock.advance(Duration.ofMillis(30));

        RunTimeline timeline = timeline(scheduledRun());

        assertThat(timeline.state()).isEqualTo(RunState.RUNNING);
        assertThat(timeline.end()).isEmpty();
        assertThat(timeline.stage("Initialisation").orElseThrow().state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(timeline.stage("Integration").orElseThrow().state()).isEqualTo(StepState.RUNNING);
        StepRow integration = row(timeline, "Integration", "Run integration pipeline");
        assertThat(integration.state()).isEqualTo(StepState.RUNNING);
        assertThat(integration.attempts()).singleElement().satisfies(a -> assertThat(a.running()).isTrue());
        assertThat(timeline.stage("Transformation").orElseThrow().state()).isEqualTo(StepState.PENDING);
        assertThat(timeline.stage("Transformation").orElseThrow().steps()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(StepState.PENDING));
    }

    @Test
    void childRunsMatchedByTimeWindowAndActivitiesInsideAConditionAreSaidToBe() {
        start(SUCCEEDING_WITH_MAINTENANCE_WITHOUT_CHILD_RUN_IDS);
        clock.advance(UNTIL_DONE);

        RunTimeline timeline = timeline(scheduledRun());

        assertThat(timeline.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(timeline.stages()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.SUCCEEDED));
        assertThat(timeline.notes()).containsExactly(FabricTimeline.CHILD_BY_TIME_WINDOW_NOTE);
        StepRow integration = row(timeline, "Integration", "Run integration pipeline");
        assertThat(integration.activityRunsNote()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("matched by time window").contains("integration_pipeline_DBB"));
        assertThat(integration.children()).isNotEmpty();
        StepRow maintenance = row(timeline, "Maintenance", "Run maintenance if requested");
        assertThat(maintenance.type()).isEqualTo("IfCondition");
        assertThat(maintenance.children()).extracting(StepRow::label)
                .containsExactly("Clean up retained files", "Optimise tables");
        assertThat(maintenance.children()).allSatisfy(c -> {
            assertThat(c.type()).isEqualTo("TridentNotebook");
            assertThat(c.state()).isEqualTo(StepState.SUCCEEDED);
        });
        assertThat(maintenance.activityRunsNote()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("matched by time window"));
        assertThat(integration.itemId()).contains(fixture.itemId("DataPipeline", "integration_pipeline_DBB"));
        assertThat(row(timeline, "Monitoring", "Monitor load completeness").itemId())
                .as("the notebook's input holds the repository's logical id, not the workspace item's").isEmpty();
    }

    @Test
    void aQueuedActivityWaitsInFabricAndActivitiesThatCannotBePlacedAreNoted() {
        FabricActivityDetail queued = activity("Run integration pipeline", "InvokePipeline", ActivityRunStatus.QUEUED,
                T0.plusSeconds(10), null, 1, "{\"pipelineId\":\"pl-1\",\"workspaceId\":\"ws-1\"}");
        FabricActivityDetail loose = activity("Copy orphan", "Copy", ActivityRunStatus.SUCCEEDED, T0.plusSeconds(2),
                T0.plusSeconds(5), 2, "{}");
        FabricRunSummary run = new FabricRunSummary("job-1", "master-id", "Pipeline", InvokeType.MANUAL,
                JobStatus.IN_PROGRESS, "InProgress", Optional.of(T0), Optional.empty(), Optional.empty());
        FabricRunDetail detail = new FabricRunDetail(run, List.of(
                new FabricStageDetail(1, "Integration", FabricStageStatus.IN_PROGRESS, Optional.of(T0.plusSeconds(10)),
                        Optional.empty(), Optional.of(Duration.ofSeconds(5)), List.of(queued), List.of())),
                List.of(loose), false);

        RunTimeline timeline = RunTimelines.fromFabric(detail, "PROD", Optional.of("ws-1"), TimelineEstimates.NONE);

        StepRow row = row(timeline, "Integration", "Run integration pipeline");
        assertThat(row.state()).isEqualTo(StepState.WAITING);
        assertThat(row.waiting()).hasValueSatisfying(w -> assertThat(w.kind())
                .isEqualTo(WaitReason.Kind.QUEUED_IN_FABRIC));
        assertThat(row.waits()).singleElement().satisfies(w -> {
            assertThat(w.start()).isEqualTo(T0.plusSeconds(10));
            assertThat(w.end()).isEmpty();
        });
        assertThat(row.attempts()).isEmpty();
        assertThat(row.itemId()).as("the pipeline its input names").contains("pl-1");
        assertThat(timeline.state()).isEqualTo(RunState.RUNNING);
        assertThat(timeline.notes()).singleElement().satisfies(n -> assertThat(n).contains("Copy orphan"));
    }

    private static FabricActivityDetail activity(String name, String type, ActivityRunStatus status, Instant start,
            Instant end, int attempts, String input) {
        return new FabricActivityDetail(name, type, "ar-" + name, status, status.wireName(), Optional.of(start),
                Optional.ofNullable(end), Optional.empty(), attempts, Optional.empty(), input, "{}", Optional.empty());
    }
}
