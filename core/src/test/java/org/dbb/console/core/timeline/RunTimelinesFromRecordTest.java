package org.dbb.console.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.InMemoryRunJournal;
import org.dbb.console.core.engine.JobLocation;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.RunPlan;

/** Past console runs from journal records written the way the engine writes them. */
class RunTimelinesFromRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WS = "0b6d5a52-7f7e-4c8b-9d0c-2a3b4c5d6e7f";
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final ItemRef INTEGRATION = new ItemRef("DataPipeline", "integration_pipeline_DBB", WS,
            "pl-integration-id");
    private static final ItemRef TRANSFORMATION = new ItemRef("DataPipeline", "transformation_pipeline_DBB", WS,
            "pl-transformation-id");
    private static final ItemRef BREACHES = new ItemRef("Notebook", "nb_monitor_threshold_breaches", WS,
            "nb-breaches-id");
    private static final StepKey LOOKUP = StepKey.of("Initialisation", "Lookup environment");
    private static final StepKey SET_DATE = StepKey.of("Initialisation", "Set load date");
    private static final StepKey INTEGRATE = StepKey.of("Integration", "Run integration pipeline");
    private static final StepKey TRANSFORM = StepKey.of("Transformation", "Run transformation pipeline");
    private static final StepKey MONITOR = StepKey.of("Monitoring", "Monitor threshold breaches");
    private static final StepKey REFRESH = StepKey.of("Semantic refresh", "Refresh semantic models");

    private final InMemoryRunJournal journal = new InMemoryRunJournal();

    private static RunPlan plan() {
        return TestPlans.in(WS)
                .stage("Initialisation", TestPlans.lookup("Lookup environment"), TestPlans.lookup("Set load date"))
                .stage("Integration", TestPlans.pipeline("Run integration pipeline", INTEGRATION))
                .stage("Transformation", TestPlans.pipeline("Run transformation pipeline", TRANSFORMATION))
                .stage("Monitoring", TestPlans.notebook("Monitor threshold breaches", BREACHES, TestPlans.NO_RETRY))
                .stage("Semantic refresh", TestPlans.refresh("Refresh semantic models", 2, TestPlans.NO_RETRY))
                .build();
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private void initialisation(String runId) {
        journal.runCreated(runId, plan(), Optional.empty(), at(0));
        journal.attemptSubmitting(runId, LOOKUP, 1, at(1));
        journal.attemptEnded(runId, LOOKUP, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(), at(3));
        journal.stepEnded(runId, LOOKUP, StepState.SUCCEEDED, Optional.of(json("{\"firstRow\":{\"a\":1}}")),
                Map.of(), Optional.empty(), at(3));
        journal.attemptEnded(runId, SET_DATE, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(), at(3));
        journal.stepEnded(runId, SET_DATE, StepState.SUCCEEDED, Optional.of(json(
                "{\"name\":\"load_date\",\"value\":\"2026-03-02\"}")), Map.of(), Optional.empty(), at(3));
        journal.stageEnded(runId, "Initialisation", StepState.SUCCEEDED, at(3));
    }

    private void job(String runId, StepKey key, int attempt, ItemRef item, long from, long to, AttemptStatus status,
            String error) {
        journal.attemptSubmitting(runId, key, attempt, at(from));
        journal.attemptSubmitted(runId, key, attempt, new JobLocation(WS, item.id(), "job-" + key.name() + "-"
                + attempt), at(from + 1));
        journal.attemptEnded(runId, key, attempt, status, Optional.ofNullable(error).map(e -> "PipelineFailed"),
                Optional.ofNullable(error), at(to));
    }

    private RunRecord failedRun() {
        String run = "run-1";
        initialisation(run);
        job(run, INTEGRATE, 1, INTEGRATION, 4, 100, AttemptStatus.SUCCEEDED, null);
        journal.stepEnded(run, INTEGRATE, StepState.SUCCEEDED, Optional.of(json(
                "{\"jobInstanceId\":\"j\",\"pipelineRunId\":\"j\",\"status\":\"Completed\"}")), Map.of(),
                Optional.empty(), at(100));
        journal.stageEnded(run, "Integration", StepState.SUCCEEDED, at(100));
        job(run, TRANSFORM, 1, TRANSFORMATION, 101, 200, AttemptStatus.FAILED, "dbt run failed");
        job(run, TRANSFORM, 2, TRANSFORMATION, 230, 330, AttemptStatus.FAILED, "dbt run failed again");
        journal.stepEnded(run, TRANSFORM, StepState.FAILED, Optional.empty(), Map.of(), Optional.empty(), at(330));
        journal.stageEnded(run, "Transformation", StepState.FAILED, at(330));
        journal.stepEnded(run, MONITOR, StepState.SKIPPED, Optional.empty(), Map.of(), Optional.empty(), at(330));
        journal.stageEnded(run, "Monitoring", StepState.SKIPPED, at(330));
        journal.stepEnded(run, REFRESH, StepState.SKIPPED, Optional.empty(), Map.of(), Optional.empty(), at(330));
        journal.stageEnded(run, "Semantic refresh", StepState.SKIPPED, at(330));
        journal.runEnded(run, RunState.FAILED, at(331));
        return journal.find(run).orElseThrow();
    }

    private static StepRow row(RunTimeline timeline, StepKey key) {
        return timeline.allSteps().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
    }

    @Test
    void aFailedRunShowsItsStagesStepsAndAttemptsAsRecorded() {
        RunTimeline timeline = RunTimelines.fromRecord(failedRun());

        assertThat(timeline.runId()).isEqualTo("run-1");
        assertThat(timeline.origin()).isEqualTo(RunOrigin.CONSOLE);
        assertThat(timeline.state()).isEqualTo(RunState.FAILED);
        assertThat(timeline.start()).contains(at(0));
        assertThat(timeline.end()).contains(at(331));
        assertThat(timeline.workspaceId()).as("from the recorded jobs").contains(WS);
        assertThat(timeline.notes()).isEmpty();
        assertThat(timeline.stages()).extracting(StageLane::name, StageLane::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Initialisation", StepState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("Integration", StepState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("Transformation", StepState.FAILED),
                org.assertj.core.groups.Tuple.tuple("Monitoring", StepState.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("Semantic refresh", StepState.SKIPPED));
        StageLane transformation = timeline.stage("Transformation").orElseThrow();
        assertThat(transformation.start()).as("where the stage before it ended").contains(at(100));
        assertThat(transformation.end()).contains(at(330));
        assertThat(transformation.reason()).contains("[Run transformation pipeline] failed");
        StageLane monitoring = timeline.stage("Monitoring").orElseThrow();
        assertThat(monitoring.reason()).contains("stage Transformation failed");
        assertThat(monitoring.start()).isEmpty();
        assertThat(row(timeline, MONITOR).message()).contains("stage Transformation failed");

        StepRow transform = row(timeline, TRANSFORM);
        assertThat(transform.state()).isEqualTo(StepState.FAILED);
        assertThat(transform.itemId()).contains("pl-transformation-id");
        assertThat(transform.message()).contains("PipelineFailed: dbt run failed again");
        assertThat(transform.attempts()).extracting(AttemptSpan::attempt, AttemptSpan::start, AttemptSpan::end,
                AttemptSpan::jobInstanceId, AttemptSpan::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, at(101), Optional.of(at(200)),
                        Optional.of("job-Run transformation pipeline-1"), Optional.of("dbt run failed")),
                org.assertj.core.groups.Tuple.tuple(2, at(230), Optional.of(at(330)),
                        Optional.of("job-Run transformation pipeline-2"), Optional.of("dbt run failed again")));
    }

    @Test
    void typesTheRecordDoesNotNameAreToldFromTheStepsOutputs() {
        RunTimeline timeline = RunTimelines.fromRecord(failedRun());

        assertThat(row(timeline, LOOKUP).type()).isEqualTo(StepTypes.LOOKUP);
        assertThat(row(timeline, SET_DATE).type()).isEqualTo(StepTypes.SET_VARIABLE);
        assertThat(row(timeline, INTEGRATE).type()).isEqualTo(StepTypes.INVOKE_PIPELINE);
        assertThat(row(timeline, TRANSFORM).type()).as("a failed job leaves no output").isEmpty();
        assertThat(row(timeline, MONITOR).type()).isEmpty();
    }

    @Test
    void nestedRowsAreRebuiltFromStepKeysWithRefreshIdsAndBreachesFromTheExitValue() {
        String run = "run-2";
        initialisation(run);
        journal.attemptSubmitting(run, MONITOR, 1, at(10));
        journal.attemptSubmitted(run, MONITOR, 1, new JobLocation(WS, BREACHES.id(), "job-m"), at(11));
        journal.attemptEnded(run, MONITOR, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(), at(40));
        journal.stepEnded(run, MONITOR, StepState.SUCCEEDED, Optional.of(json("""
                {"jobInstanceId":"job-m","status":"Completed",
                 "exitValue":{"breaches":[{"table":"fct_sales","metric":"row_count_drop_pct","value":31.4,
                                           "threshold":25.0}]}}""")), Map.of(), Optional.empty(), at(40));
        journal.stageEnded(run, "Monitoring", StepState.SUCCEEDED, at(40));
        for (String model : List.of("Sales", "HR")) {
            StepKey key = REFRESH.child(model);
            journal.attemptSubmitting(run, key, 1, at(50));
            journal.refreshSubmitted(run, key, 1, "refresh-" + model, at(50));
        }
        StepKey hr = REFRESH.child("HR");
        journal.attemptEnded(run, hr, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(), at(90));
        journal.stepEnded(run, hr, StepState.SUCCEEDED, Optional.of(json("{\"model\":\"HR\",\"refreshId\":"
                + "\"refresh-HR\"}")), Map.of(), Optional.empty(), at(90));

        RunTimeline timeline = RunTimelines.fromRecord(journal.find(run).orElseThrow());

        StepRow monitor = row(timeline, MONITOR);
        assertThat(monitor.type()).isEqualTo(StepTypes.TRIDENT_NOTEBOOK);
        assertThat(monitor.breaches()).singleElement().satisfies(b -> {
            assertThat(b.table()).contains("fct_sales");
            assertThat(b.actual()).contains("31.4");
        });
        StepRow refresh = row(timeline, REFRESH);
        assertThat(refresh.state()).as("not ended, with models refreshing").isEqualTo(StepState.RUNNING);
        assertThat(refresh.children()).extracting(StepRow::label, StepRow::type, StepRow::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Sales", StepTypes.SEMANTIC_MODEL_REFRESH, StepState.RUNNING),
                org.assertj.core.groups.Tuple.tuple("HR", StepTypes.SEMANTIC_MODEL_REFRESH, StepState.SUCCEEDED));
        assertThat(refresh.children().get(0).attempts()).singleElement().satisfies(a -> {
            assertThat(a.jobInstanceId()).contains("refresh-Sales");
            assertThat(a.running()).isTrue();
        });
        assertThat(timeline.stage("Semantic refresh").orElseThrow().state()).isEqualTo(StepState.RUNNING);
    }

    @Test
    void aRunTheConsoleStoppedInTheMiddleOfShowsItsRecordedStateAndSaysSo() {
        String run = "run-3";
        initialisation(run);
        journal.attemptSubmitting(run, INTEGRATE, 1, at(4));
        journal.attemptSubmitted(run, INTEGRATE, 1, new JobLocation(WS, INTEGRATION.id(), "job-i"), at(5));

        RunTimeline timeline = RunTimelines.fromRecord(journal.find(run).orElseThrow());

        assertThat(timeline.state()).isEqualTo(RunState.RUNNING);
        assertThat(timeline.end()).isEmpty();
        assertThat(timeline.notes()).containsExactly(RunTimelines.INTERRUPTED_NOTE);
        assertThat(timeline.stage("Integration").orElseThrow().state()).isEqualTo(StepState.RUNNING);
        assertThat(timeline.stage("Integration").orElseThrow().end()).isEmpty();
        assertThat(row(timeline, INTEGRATE).state()).isEqualTo(StepState.RUNNING);
        assertThat(timeline.stage("Transformation").orElseThrow().state()).isEqualTo(StepState.PENDING);
        assertThat(timeline.stage("Transformation").orElseThrow().steps()).as("nothing recorded of it").isEmpty();
    }

    @Test
    void aReRunShowsTheStepsItTookFromTheOriginalAsReused() {
        failedRun();
        String rerun = "run-4";
        journal.runCreated(rerun, plan(), Optional.of("run-1"), at(1000));
        for (StepKey key : List.of(LOOKUP, SET_DATE, INTEGRATE)) {
            journal.stepEnded(rerun, key, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.of("run-1"),
                    at(1000));
        }
        journal.stageEnded(rerun, "Initialisation", StepState.SUCCEEDED, at(1000));
        journal.stageEnded(rerun, "Integration", StepState.SUCCEEDED, at(1000));
        job(rerun, TRANSFORM, 1, TRANSFORMATION, 1001, 1100, AttemptStatus.SUCCEEDED, null);
        journal.stepEnded(rerun, TRANSFORM, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(),
                at(1100));
        journal.stageEnded(rerun, "Transformation", StepState.SUCCEEDED, at(1100));
        journal.stepEnded(rerun, MONITOR, StepState.SKIPPED, Optional.empty(), Map.of(), Optional.empty(),
                at(1100));
        journal.stageEnded(rerun, "Monitoring", StepState.SKIPPED, at(1100));
        journal.runEnded(rerun, RunState.SUCCEEDED, at(1101));

        RunTimeline timeline = RunTimelines.fromRecord(journal.find(rerun).orElseThrow(),
                TimelineEstimates.NONE);

        assertThat(timeline.rerunOf()).contains("run-1");
        assertThat(row(timeline, INTEGRATE).reusedFrom()).contains("run-1");
        assertThat(row(timeline, TRANSFORM).reusedFrom()).isEmpty();
        assertThat(timeline.stage("Integration").orElseThrow().reusedFrom()).contains("run-1");
        assertThat(timeline.stage("Transformation").orElseThrow().reusedFrom()).isEmpty();
        assertThat(timeline.stage("Transformation").orElseThrow().start()).contains(at(1000));
        assertThat(timeline.stage("Monitoring").orElseThrow().reason()).contains(RecordReplay.NOT_IN_RERUN);
    }

    @Test
    void aFanOutsItemsAreInIndexOrderAndItsOwnAttemptSpansTheAttemptsUnderIt() {
        String run = "run-5";
        initialisation(run);
        StepKey fanOut = StepKey.of("Integration", "Load tables");
        for (int index : new int[] {1, 0, 2}) {
            StepKey inner = fanOut.item(index, "t" + index).child("Copy table");
            journal.attemptSubmitting(run, inner, 1, at(10 + index));
            journal.attemptSubmitted(run, inner, 1, new JobLocation(WS, "copy-id", "job-" + index), at(11 + index));
            journal.attemptEnded(run, inner, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(),
                    at(20 + index));
            journal.stepEnded(run, inner, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(),
                    at(20 + index));
            journal.stepEnded(run, fanOut.item(index, "t" + index), StepState.SUCCEEDED, Optional.empty(), Map.of(),
                    Optional.empty(), at(20 + index));
        }
        journal.attemptEnded(run, fanOut, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(), at(23));
        journal.stepEnded(run, fanOut, StepState.SUCCEEDED, Optional.of(json("{\"itemCount\":3,\"failedItems\":0}")),
                Map.of(), Optional.empty(), at(23));

        RunTimeline timeline = RunTimelines.fromRecord(journal.find(run).orElseThrow());

        StepRow row = row(timeline, fanOut);
        assertThat(row.type()).isEqualTo(StepTypes.FOR_EACH);
        assertThat(row.children()).extracting(StepRow::label).containsExactly("[0] t0", "[1] t1", "[2] t2");
        assertThat(row.attempts()).singleElement().satisfies(a -> {
            assertThat(a.start()).as("from its first item's attempt").isEqualTo(at(10));
            assertThat(a.end()).contains(at(23));
        });
    }

    @Test
    void aRunCancelledBeforeAStageSaysSoOnTheStageAndItsSteps() {
        String run = "run-6";
        initialisation(run);
        job(run, INTEGRATE, 1, INTEGRATION, 4, 50, AttemptStatus.CANCELLED, null);
        journal.stepEnded(run, INTEGRATE, StepState.CANCELLED, Optional.empty(), Map.of(), Optional.empty(), at(50));
        journal.stageEnded(run, "Integration", StepState.CANCELLED, at(50));
        journal.stepEnded(run, TRANSFORM, StepState.CANCELLED, Optional.empty(), Map.of(), Optional.empty(), at(50));
        journal.stageEnded(run, "Transformation", StepState.CANCELLED, at(50));
        journal.runEnded(run, RunState.CANCELLED, at(51));

        RunTimeline timeline = RunTimelines.fromRecord(journal.find(run).orElseThrow());

        assertThat(timeline.state()).isEqualTo(RunState.CANCELLED);
        assertThat(timeline.notes()).isEmpty();
        assertThat(timeline.stage("Integration").orElseThrow().reason()).as("it was running when cancelled").isEmpty();
        assertThat(row(timeline, INTEGRATE).attempts()).singleElement()
                .satisfies(a -> assertThat(a.status()).contains(AttemptStatus.CANCELLED));
        assertThat(timeline.stage("Transformation").orElseThrow().reason()).contains(RecordReplay.RUN_CANCELLED);
        assertThat(row(timeline, TRANSFORM).message()).contains(RecordReplay.RUN_CANCELLED);
    }

    @Test
    void estimatesFromPastRunsAreCarried() {
        RunRecord failed = failedRun();
        TimelineEstimates estimates = TimelineEstimates.of(List.of(successfulRun("run-9", 300)));

        RunTimeline timeline = RunTimelines.fromRecord(failed, estimates);

        assertThat(timeline.estimate()).contains(Duration.ofSeconds(300));
        assertThat(timeline.stage("Integration").orElseThrow().estimate()).contains(Duration.ofSeconds(97));
        assertThat(timeline.stage("Semantic refresh").orElseThrow().estimate()).isEmpty();
    }

    private RunRecord successfulRun(String run, long end) {
        initialisation(run);
        job(run, INTEGRATE, 1, INTEGRATION, 4, 100, AttemptStatus.SUCCEEDED, null);
        journal.stepEnded(run, INTEGRATE, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(),
                at(100));
        journal.stageEnded(run, "Integration", StepState.SUCCEEDED, at(100));
        journal.runEnded(run, RunState.SUCCEEDED, at(end));
        return journal.find(run).orElseThrow();
    }
}
