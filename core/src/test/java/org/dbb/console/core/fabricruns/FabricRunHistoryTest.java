package org.dbb.console.core.fabricruns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.MutableClock;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStages;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

/**
 * Fabric-started runs of the master pipeline read through the real clients from the emulator, on a hand-moved
 * clock at time scale 0.001 (a scenario minute lasts 60 ms).
 */
class FabricRunHistoryTest {

    private static final String MASTER = "orchestration_pipeline_DBB";
    private static final String SCHEDULED_RUN_FAILING_IN_TRANSFORMATION = """
            timeScale: 0.001
            schedule:
              - pipeline: orchestration_pipeline_DBB
                startAfterSeconds: 0
                parameters: {environment: TEST, full_refresh: true, run_maintenance: true}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;
    /** Far beyond the longest run of the sample at this scale. */
    private static final Duration UNTIL_DONE = Duration.ofMinutes(30);

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T06:00:00Z"));
    private EmulatorFixture fixture;
    private MasterStages master;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aScheduledRunIsAmongTheRecentRunsAsScheduledNewestFirst() {
        FabricRunHistory history = start(SCHEDULED_RUN_FAILING_IN_TRANSFORMATION);
        clock.advance(Duration.ofSeconds(1));
        fixture.fabric().runJob(fixture.sandboxId(), masterId(), JobRequest.pipeline(Map.of()));
        clock.advance(UNTIL_DONE);

        List<FabricRunSummary> recent = history.recent(fixture.sandboxId(), masterId(), 10);

        assertThat(recent).extracting(FabricRunSummary::invokeType)
                .containsExactly(InvokeType.MANUAL, InvokeType.SCHEDULED);
        FabricRunSummary scheduled = recent.get(1);
        assertThat(scheduled.status()).isEqualTo(JobStatus.FAILED);
        assertThat(scheduled.start()).contains(Instant.parse("2025-05-01T06:00:00Z"));
        assertThat(scheduled.end()).isPresent();
        assertThat(scheduled.duration()).hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(scheduled.failure()).hasValueSatisfying(f -> {
            assertThat(f.errorCode()).isEqualTo("JobInstanceStatusFailed");
            assertThat(f.message()).contains("Run transformation pipeline");
        });
        assertThat(history.recent(fixture.sandboxId(), masterId(), 1)).extracting(FabricRunSummary::invokeType)
                .containsExactly(InvokeType.MANUAL);
    }

    @Test
    void theDetailFollowsTheScriptedOutcomeStageByStage() {
        FabricRunHistory history = start(SCHEDULED_RUN_FAILING_IN_TRANSFORMATION);
        clock.advance(UNTIL_DONE);

        FabricRunDetail detail = detailOfScheduledRun(history);

        assertThat(detail.isTerminal()).isTrue();
        assertThat(detail.stages()).extracting(FabricStageDetail::name, FabricStageDetail::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Initialisation", FabricStageStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("Integration", FabricStageStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("Transformation", FabricStageStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("Monitoring", FabricStageStatus.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("Maintenance", FabricStageStatus.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("Semantic refresh", FabricStageStatus.SKIPPED));
        FabricStageDetail init = detail.stage("Initialisation").orElseThrow();
        assertThat(init.activities()).extracting(FabricActivityDetail::activityName).containsExactly(
                "Lookup environment", "Lookup item ids", "Lookup connection ids", "Set workspace id",
                "Set load date");
        assertThat(init.activities()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActivityRunStatus.SUCCEEDED);
            assertThat(a.start()).isPresent();
            assertThat(a.end()).isPresent();
            assertThat(a.duration()).isPresent();
            assertThat(a.error()).isEmpty();
        });
        assertThat(init.start()).isPresent();
        assertThat(init.end()).isPresent();
        FabricStageDetail transformation = detail.stage("Transformation").orElseThrow();
        FabricActivityDetail run = transformation.activities().get(0);
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e.errorCode()).isEqualTo("ChildPipelineFailed"));
        assertThat(run.child().orElseThrow().activities())
                .filteredOn(a -> a.activityName().equals("Build gold with dbt")).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(ActivityRunStatus.FAILED);
                    assertThat(a.error().orElseThrow().errorCode()).isEqualTo("DbtRunFailed");
                    assertThat(a.error().orElseThrow().message()).isEqualTo("dbt run failed");
                });
        assertThat(detail.stage("Monitoring").orElseThrow().notRun())
                .containsExactly("Monitor load completeness", "Monitor threshold breaches");
        assertThat(detail.stage("Semantic refresh").orElseThrow().activities()).isEmpty();
    }

    @Test
    void childActivityRunsAreOneLevelDownThroughTheChildRunIdOfTheOutput() {
        FabricRunHistory history = start(SCHEDULED_RUN_FAILING_IN_TRANSFORMATION);
        clock.advance(UNTIL_DONE);

        FabricRunDetail detail = detailOfScheduledRun(history);

        FabricActivityDetail integration = detail.stage("Integration").orElseThrow().activities().get(0);
        FabricChildRun child = integration.child().orElseThrow();
        assertThat(detail.childMatchedByTimeWindow()).isFalse();
        assertThat(child.matchedByTimeWindow()).isFalse();
        assertThat(integration.outputJson()).contains(child.pipelineRunId());
        assertThat(child.pipelineId()).contains(fixture.itemId("DataPipeline", "integration_pipeline_DBB"));
        assertThat(child.pipelineName()).contains("integration_pipeline_DBB");
        assertThat(child.activities()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActivityRunStatus.SUCCEEDED);
            assertThat(a.child()).isEmpty();
        });
    }

    @Test
    void withoutChildRunIdsChildrenAreMatchedByTimeWindowAndFlagged() {
        FabricRunHistory history = start(SCHEDULED_RUN_FAILING_IN_TRANSFORMATION + "omitChildRunIds: true\n");
        clock.advance(UNTIL_DONE);

        FabricRunDetail detail = detailOfScheduledRun(history);

        assertThat(detail.childMatchedByTimeWindow()).isTrue();
        FabricActivityDetail transformation = detail.stage("Transformation").orElseThrow().activities().get(0);
        FabricChildRun child = transformation.child().orElseThrow();
        assertThat(transformation.outputJson()).doesNotContain("pipelineRunId");
        assertThat(child.matchedByTimeWindow()).isTrue();
        List<JobInstance> childRuns = fixture.fabric().listJobInstances(fixture.sandboxId(),
                fixture.itemId("DataPipeline", "transformation_pipeline_DBB"));
        // the latest of the three attempts started the newest child run
        assertThat(childRuns).hasSize(3);
        assertThat(child.pipelineRunId()).isEqualTo(childRuns.stream()
                .max(java.util.Comparator.comparing(j -> j.startTime().orElseThrow())).orElseThrow().id());
        assertThat(child.activities()).anySatisfy(a ->
                assertThat(a.error().map(FabricRunError::errorCode)).contains("DbtRunFailed"));
        assertThat(detail.stage("Integration").orElseThrow().activities().get(0).child().orElseThrow()
                .activities()).isNotEmpty();
    }

    @Test
    void aRunInProgressIsNotTerminalAndLaterIs() {
        FabricRunHistory history = start(SCHEDULED_RUN_FAILING_IN_TRANSFORMATION);
        // 3 ms of queue, then the lookups (4 ms each) and the integration pipeline's minute-long notebooks
        clock.advance(Duration.ofMillis(30));

        FabricRunDetail running = detailOfScheduledRun(history);
        clock.advance(UNTIL_DONE);
        FabricRunDetail done = detailOfScheduledRun(history);

        assertThat(running.isTerminal()).isFalse();
        assertThat(running.run().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(running.run().end()).isEmpty();
        assertThat(running.stage("Initialisation").orElseThrow().status()).isEqualTo(FabricStageStatus.SUCCEEDED);
        FabricStageDetail integration = running.stage("Integration").orElseThrow();
        assertThat(integration.status()).isEqualTo(FabricStageStatus.IN_PROGRESS);
        assertThat(integration.end()).isEmpty();
        assertThat(integration.activities().get(0).isRunning()).isTrue();
        assertThat(running.stage("Transformation").orElseThrow().status()).isEqualTo(FabricStageStatus.NOT_STARTED);
        assertThat(history.nextPoll()).isEqualTo(EmulatorFixture.FAST_POLLING.minInterval());
        assertThat(done.isTerminal()).isTrue();
        assertThat(done.stage("Transformation").orElseThrow().status()).isEqualTo(FabricStageStatus.FAILED);
    }

    @Test
    void parametersComeFromTheRunWhereFabricShowsThemAndFromTheDefaultsElsewhere() {
        FabricRunHistory history = start(SCHEDULED_RUN_FAILING_IN_TRANSFORMATION);
        clock.advance(UNTIL_DONE);

        FabricRunParameters parameters = history.parameters(fixture.sandboxId(), masterId(), scheduledRunId(history),
                master.master().orElseThrow());

        assertThat(parameters.parameter("environment").orElseThrow()).satisfies(p -> {
            assertThat(p.source()).isEqualTo(ParameterSource.FROM_RUN);
            assertThat(p.value().orElseThrow().asText()).isEqualTo("TEST");
        });
        assertThat(parameters.parameter("full_refresh").orElseThrow()).satisfies(p -> {
            assertThat(p.source()).isEqualTo(ParameterSource.FROM_RUN);
            assertThat(p.value().orElseThrow().asBoolean()).isTrue();
        });
        // only an IfCondition reads it, and Fabric shows no input of conditions: the default stands in
        assertThat(parameters.parameter("run_maintenance").orElseThrow()).satisfies(p -> {
            assertThat(p.source()).isEqualTo(ParameterSource.DEFAULT);
            assertThat(p.value().orElseThrow().asBoolean()).isFalse();
        });
        // the refresh activity never ran, so its parameters are defaults too
        assertThat(parameters.parameter("semantic_models").orElseThrow().source()).isEqualTo(ParameterSource.DEFAULT);
        assertThat(parameters.parameters()).extracting(FabricRunParameter::name).containsExactly("environment",
                "load_date", "run_maintenance", "full_refresh", "semantic_models", "refresh_concurrency",
                "row_drop_threshold_pct", "retention_days");
        assertThat(parameters.anyFromRun()).isTrue();
        assertThat(parameters.values()).containsKeys("environment", "load_date", "run_maintenance");
    }

    private FabricRunHistory start(String scenario) {
        Workspace repository = EmulatorFixture.sample(temp);
        master = new MasterStagesReader(new PipelineReader(), new StageLayouts()).read(repository);
        fixture = EmulatorFixture.builder(repository)
                .scenario(EmulatorFixture.scenarioFile(temp.resolve("scenario.yml"), scenario))
                .clock(clock, Duration.ZERO)
                .start();
        FabricClient client = fixture.fabric();
        return new FabricRunHistory(client, clock, EmulatorFixture.FAST_POLLING);
    }

    private String masterId() {
        return fixture.itemId("DataPipeline", MASTER);
    }

    private String scheduledRunId(FabricRunHistory history) {
        return history.recent(fixture.sandboxId(), masterId(), 10).stream()
                .filter(r -> r.invokeType() == InvokeType.SCHEDULED).findFirst().orElseThrow().jobInstanceId();
    }

    private FabricRunDetail detailOfScheduledRun(FabricRunHistory history) {
        return history.detail(fixture.sandboxId(), masterId(), scheduledRunId(history), master.layout());
    }
}
