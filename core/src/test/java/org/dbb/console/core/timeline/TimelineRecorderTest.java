package org.dbb.console.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.InMemoryRunJournal;
import org.dbb.console.core.engine.JobLocation;
import org.dbb.console.core.engine.RunEvent;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.RetrySpec;
import org.dbb.console.core.plan.RunPlan;

class TimelineRecorderTest {

    private static final String WS = "5f0c2e7a-1111-4c1e-9a51-3d2b8f0a6e10";
    private static final String RUN = "run-7";
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final ItemRef SILVER = new ItemRef("Notebook", "nb_silver_conform", WS, "nb-silver-id");
    private static final ItemRef QUALITY = new ItemRef("Notebook", "nb_gold_quality_checks", WS, "nb-quality-id");
    private static final ItemRef CLEANUP = new ItemRef("Notebook", "nb_maintenance_cleanup", WS, "nb-cleanup-id");
    private static final ItemRef INTEGRATION = new ItemRef("DataPipeline", "integration_pipeline_DBB", WS,
            "pl-integration-id");
    private static final RetrySpec ONE_RETRY = new RetrySpec(1, Duration.ofSeconds(30), Duration.ofMinutes(10));
    private static final StepKey LOOKUP = StepKey.of("Initialisation", "Lookup environment");
    private static final StepKey CONFORM = StepKey.of("Transformation", "Conform silver");
    private static final StepKey LOAD = StepKey.of("Transformation", "Check tables");
    private static final StepKey REFRESH = StepKey.of("Semantic refresh", "Refresh semantic models");
    private static final StepKey MAINTENANCE = StepKey.of("Maintenance", "Run maintenance if requested");

    private static RunPlan plan() {
        return TestPlans.in(WS)
                .stage("Initialisation", TestPlans.lookup("Lookup environment"))
                .stage("Integration", TestPlans.pipeline("Run integration pipeline", INTEGRATION))
                .stage("Transformation", TestPlans.notebook("Conform silver", SILVER, ONE_RETRY),
                        TestPlans.forEach("Check tables", "@pipeline().parameters.tables", 2,
                                TestPlans.notebook("Check table", QUALITY, TestPlans.NO_RETRY)))
                .stage("Maintenance", TestPlans.condition("Run maintenance if requested",
                        "@pipeline().parameters.run_maintenance",
                        List.of(TestPlans.notebook("Clean up retained files", CLEANUP, TestPlans.NO_RETRY)),
                        List.of()))
                .stage("Semantic refresh", TestPlans.refresh("Refresh semantic models", 2, TestPlans.NO_RETRY,
                        new ModelTarget("Sales", WS, "ds-sales-id", Duration.ofMinutes(20), List.of()),
                        new ModelTarget("HR", WS, "ds-hr-id", Duration.ofMinutes(30), List.of())))
                .warning("parameter load_date has no value; its default applies")
                .build();
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static RunEvent step(StepKey key, long second, StepState state) {
        return new RunEvent.StepStateChanged(RUN, at(second), key, state, Optional.empty(), 1, Optional.empty(),
                Optional.empty());
    }

    private static RunEvent waiting(StepKey key, long second, WaitReason reason) {
        return new RunEvent.StepStateChanged(RUN, at(second), key, StepState.WAITING, Optional.of(reason), 0,
                Optional.empty(), Optional.empty());
    }

    private static RunEvent started(StepKey key, long second, int attempt, String jobId) {
        return new RunEvent.AttemptStarted(RUN, at(second), key, attempt, Optional.ofNullable(jobId),
                Optional.empty());
    }

    private static RunEvent ended(StepKey key, long second, int attempt, long durationSeconds,
            AttemptStatus status) {
        return new RunEvent.AttemptEnded(RUN, at(second), key, attempt, status, Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(durationSeconds));
    }

    private static RunEvent stage(String name, long second, StepState state) {
        return new RunEvent.StageStateChanged(RUN, at(second), name, state, Optional.empty(), Optional.empty());
    }

    private static StepRow row(RunTimeline timeline, StepKey key) {
        return timeline.allSteps().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + timeline));
    }

    @Test
    void laysOutEveryStageAndPlannedStepAsPendingBeforeTheRunStarts() {
        RunTimeline timeline = new TimelineRecorder(plan(), RUN).timeline();

        assertThat(timeline.runId()).isEqualTo(RUN);
        assertThat(timeline.origin()).isEqualTo(RunOrigin.CONSOLE);
        assertThat(timeline.environment()).isEqualTo("sandbox");
        assertThat(timeline.state()).isEqualTo(RunState.PENDING);
        assertThat(timeline.start()).isEmpty();
        assertThat(timeline.workspaceId()).contains(WS);
        assertThat(timeline.notes()).containsExactly("parameter load_date has no value; its default applies");
        assertThat(timeline.stages()).extracting(StageLane::number, StageLane::name, StageLane::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Initialisation", StepState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(2, "Integration", StepState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(3, "Transformation", StepState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(4, "Maintenance", StepState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(5, "Semantic refresh", StepState.PENDING));
        assertThat(timeline.stage("Transformation").orElseThrow().steps())
                .extracting(StepRow::label, StepRow::type, StepRow::itemId, StepRow::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Conform silver", "TridentNotebook",
                                Optional.of("nb-silver-id"), StepState.PENDING),
                        org.assertj.core.groups.Tuple.tuple("Check tables", "ForEach", Optional.empty(),
                                StepState.PENDING));
        assertThat(timeline.allSteps()).allSatisfy(r -> {
            assertThat(r.children()).isEmpty();
            assertThat(r.attempts()).isEmpty();
        });
    }

    @Test
    void aRetriedStepHasOneSpanPerAttemptWithItsJobAndTheServiceError() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        recorder.accept(step(CONFORM, 10, StepState.RUNNING));
        recorder.accept(started(CONFORM, 12, 1, "job-1"));
        recorder.accept(new RunEvent.AttemptEnded(RUN, at(70), CONFORM, 1, AttemptStatus.FAILED,
                Optional.of("SparkJobFailed"), Optional.of("executor lost"), Optional.of("req-9"),
                Duration.ofSeconds(60)));
        WaitReason retry = WaitReason.retryAt(at(100), 2, 2);
        recorder.accept(waiting(CONFORM, 70, retry));
        RunTimeline waitingForRetry = recorder.timeline();
        recorder.accept(step(CONFORM, 100, StepState.RUNNING));
        recorder.accept(started(CONFORM, 101, 2, "job-2"));
        recorder.accept(ended(CONFORM, 160, 2, 60, AttemptStatus.SUCCEEDED));
        recorder.accept(step(CONFORM, 160, StepState.SUCCEEDED));

        StepRow waitingRow = row(waitingForRetry, CONFORM);
        assertThat(waitingRow.state()).isEqualTo(StepState.WAITING);
        assertThat(waitingRow.waiting()).contains(retry);
        assertThat(waitingRow.waits()).containsExactly(new WaitSpan(retry, at(70), Optional.empty()));
        StepRow done = row(recorder.timeline(), CONFORM);
        assertThat(done.state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(done.waiting()).isEmpty();
        assertThat(done.retried()).isTrue();
        assertThat(done.attempts()).containsExactly(
                new AttemptSpan(1, at(10), Optional.of(at(70)), Optional.of(AttemptStatus.FAILED),
                        Optional.of("job-1"), Optional.of("SparkJobFailed"), Optional.of("executor lost"),
                        Optional.of("req-9")),
                new AttemptSpan(2, at(100), Optional.of(at(160)), Optional.of(AttemptStatus.SUCCEEDED),
                        Optional.of("job-2"), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(done.waits()).containsExactly(new WaitSpan(retry, at(70), Optional.of(at(100))));
    }

    @Test
    void anAttemptInFlightIsOpenFromItsAnnouncement() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        recorder.accept(step(LOOKUP, 1, StepState.RUNNING));
        recorder.accept(started(LOOKUP, 1, 1, null));

        assertThat(row(recorder.timeline(), LOOKUP).attempts()).singleElement().satisfies(a -> {
            assertThat(a.running()).isTrue();
            assertThat(a.start()).isEqualTo(at(1));
            assertThat(a.status()).isEmpty();
            assertThat(a.jobInstanceId()).isEmpty();
        });
    }

    @Test
    void aModelWaitingForItsSlotAndThenForPowerBiHasTwoWaitSpansAndTheSameWaitWithNewHoldersStaysOne() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        StepKey sales = REFRESH.child("Sales");
        recorder.accept(waiting(sales, 0, WaitReason.slotHeld(List.of("HR"), 1)));
        recorder.accept(waiting(sales, 5, WaitReason.slotHeld(List.of("Finance"), 1)));
        WaitReason busy = WaitReason.modelBusy("Sales", "Power BI is already refreshing Sales (Scheduled)");
        recorder.accept(waiting(sales, 20, busy));
        recorder.accept(step(sales, 50, StepState.RUNNING));

        StepRow row = row(recorder.timeline(), sales);
        assertThat(row.waits()).extracting(w -> w.reason().kind(), WaitSpan::start, WaitSpan::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(WaitReason.Kind.SLOT_HELD, at(0), Optional.of(at(20))),
                org.assertj.core.groups.Tuple.tuple(WaitReason.Kind.MODEL_BUSY, at(20), Optional.of(at(50))));
        assertThat(row.waits().get(0).reason().holders()).as("the latest sentence").containsExactly("Finance");
    }

    @Test
    void rowsThePlanCannotListAppearUnderTheirParentInPlanAndItemOrderWhateverOrderTheirEventsCome() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        StepKey item1 = LOAD.item(1, "dim_customer");
        StepKey item0 = LOAD.item(0, "fct_sales");
        recorder.accept(step(LOAD, 1, StepState.RUNNING));
        recorder.accept(step(item1.child("Check table"), 2, StepState.RUNNING));
        recorder.accept(step(item0, 3, StepState.RUNNING));
        recorder.accept(step(REFRESH.child("Finance"), 4, StepState.RUNNING));
        recorder.accept(step(REFRESH.child("HR"), 4, StepState.RUNNING));
        recorder.accept(step(REFRESH.child("Sales"), 5, StepState.RUNNING));
        recorder.accept(step(MAINTENANCE.child("Clean up retained files"), 6, StepState.RUNNING));

        RunTimeline timeline = recorder.timeline();
        StepRow load = row(timeline, LOAD);
        assertThat(load.children()).extracting(StepRow::label).containsExactly("[0] fct_sales", "[1] dim_customer");
        StepRow second = load.children().get(1);
        assertThat(second.state()).as("created for its child, not seen itself yet").isEqualTo(StepState.PENDING);
        assertThat(second.type()).isEmpty();
        assertThat(second.children()).singleElement().satisfies(inner -> {
            assertThat(inner.key()).isEqualTo(item1.child("Check table"));
            assertThat(inner.type()).isEqualTo("TridentNotebook");
            assertThat(inner.itemId()).contains("nb-quality-id");
            assertThat(inner.state()).isEqualTo(StepState.RUNNING);
        });
        assertThat(row(timeline, REFRESH).children()).extracting(StepRow::label, StepRow::type, StepRow::itemId)
                .as("the plan's models in its order, then one it does not list")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Sales", StepTypes.SEMANTIC_MODEL_REFRESH,
                                Optional.of("ds-sales-id")),
                        org.assertj.core.groups.Tuple.tuple("HR", StepTypes.SEMANTIC_MODEL_REFRESH,
                                Optional.of("ds-hr-id")),
                        org.assertj.core.groups.Tuple.tuple("Finance", StepTypes.SEMANTIC_MODEL_REFRESH,
                                Optional.empty()));
        assertThat(row(timeline, MAINTENANCE).children()).singleElement().satisfies(branch -> {
            assertThat(branch.type()).isEqualTo("TridentNotebook");
            assertThat(branch.itemId()).contains("nb-cleanup-id");
        });
        assertThat(timeline.stage("Transformation").orElseThrow().steps()).hasSize(2);
    }

    @Test
    void aStepOfAStageThePlanDoesNotHaveGetsALaneAfterThePlannedOnes() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        recorder.accept(step(StepKey.of("Extra", "Something new"), 1, StepState.RUNNING));

        RunTimeline timeline = recorder.timeline();
        assertThat(timeline.stages()).extracting(StageLane::name).endsWith("Semantic refresh", "Extra");
        assertThat(timeline.stage("Extra").orElseThrow().number()).isEqualTo(6);
        assertThat(row(timeline, StepKey.of("Extra", "Something new")).type()).isEmpty();
    }

    @Test
    void runAndStageSpansFollowTheirStateChangesAndAFailureIsNoted() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        recorder.accept(new RunEvent.RunStateChanged(RUN, at(0), RunState.RUNNING, Optional.empty(),
                Optional.empty()));
        recorder.accept(stage("Initialisation", 0, StepState.RUNNING));
        recorder.accept(stage("Initialisation", 8, StepState.SUCCEEDED));
        recorder.accept(stage("Integration", 8, StepState.RUNNING));
        recorder.accept(new RunEvent.StageStateChanged(RUN, at(90), "Integration", StepState.FAILED,
                Optional.of("[Run integration pipeline] failed"), Optional.empty()));
        recorder.accept(new RunEvent.StageStateChanged(RUN, at(90), "Transformation", StepState.SKIPPED,
                Optional.of("stage Integration failed"), Optional.empty()));
        RunTimeline running = recorder.timeline();
        recorder.accept(new RunEvent.RunStateChanged(RUN, at(91), RunState.FAILED,
                Optional.of("stage Integration failed: [Run integration pipeline]"), Optional.empty()));

        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.start()).contains(at(0));
        assertThat(running.end()).isEmpty();
        RunTimeline timeline = recorder.timeline();
        assertThat(timeline.state()).isEqualTo(RunState.FAILED);
        assertThat(timeline.end()).contains(at(91));
        assertThat(timeline.notes()).contains("stage Integration failed: [Run integration pipeline]");
        StageLane init = timeline.stage("Initialisation").orElseThrow();
        assertThat(init.start()).contains(at(0));
        assertThat(init.end()).contains(at(8));
        StageLane integration = timeline.stage("Integration").orElseThrow();
        assertThat(integration.state()).isEqualTo(StepState.FAILED);
        assertThat(integration.reason()).contains("[Run integration pipeline] failed");
        StageLane skipped = timeline.stage("Transformation").orElseThrow();
        assertThat(skipped.state()).isEqualTo(StepState.SKIPPED);
        assertThat(skipped.reason()).contains("stage Integration failed");
        assertThat(skipped.start()).as("a stage that never started has no span").isEmpty();
        assertThat(skipped.end()).isEmpty();
    }

    @Test
    void overrunsBreachesReuseAndMessagesLandOnTheirRows() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        StepKey sales = REFRESH.child("Sales");
        Breach breach = new Breach(Optional.of("fct_sales"), Optional.of("row_count_drop_pct"),
                Optional.of("31.4"), Optional.of("25.0"));
        recorder.accept(new RunEvent.Overrun(RUN, at(1300), sales, "Sales", Duration.ofMinutes(21),
                Duration.ofMinutes(20)));
        recorder.accept(new RunEvent.BreachesFound(RUN, at(40), CONFORM, List.of(breach)));
        recorder.accept(new RunEvent.StepStateChanged(RUN, at(2), LOOKUP, StepState.SUCCEEDED, Optional.empty(), 0,
                Optional.of("run-3"), Optional.of("reused from run run-3")));
        recorder.accept(new RunEvent.StepStateChanged(RUN, at(3), CONFORM, StepState.SKIPPED, Optional.empty(), 0,
                Optional.empty(), Optional.of("stage Integration failed")));
        recorder.accept(new RunEvent.StageStateChanged(RUN, at(2), "Initialisation", StepState.SUCCEEDED,
                Optional.empty(), Optional.of("run-3")));

        RunTimeline timeline = recorder.timeline();
        assertThat(row(timeline, sales).overrunTarget()).contains(Duration.ofMinutes(20));
        assertThat(row(timeline, CONFORM).breaches()).containsExactly(breach);
        assertThat(row(timeline, CONFORM).message()).contains("stage Integration failed");
        assertThat(row(timeline, LOOKUP).reusedFrom()).contains("run-3");
        assertThat(timeline.stage("Initialisation").orElseThrow().reusedFrom()).contains("run-3");
    }

    @Test
    void monitoringRowEventsAndEventsOfOtherRunsChangeNothing() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        RunTimeline before = recorder.timeline();
        MonitoringRow row = new MonitoringRow(OptionalLong.of(1), RUN, "sandbox", "Initialisation",
                "Lookup environment", Optional.empty(), 1, MonitoringStatus.IN_PROGRESS, Optional.empty(), at(1),
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                "tester");
        recorder.accept(new RunEvent.MonitoringRowWritten(RUN, at(1), row));
        recorder.accept(new RunEvent.MonitoringWriteFailed(RUN, at(1), LOOKUP, "store down"));
        recorder.accept(new RunEvent.StepStateChanged("run-8", at(1), LOOKUP, StepState.FAILED, Optional.empty(),
                1, Optional.empty(), Optional.empty()));

        assertThat(recorder.timeline()).isSameAs(before);
    }

    @Test
    void snapshotsAreImmutableAndShareWhatDidNotChange() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        recorder.accept(step(LOOKUP, 1, StepState.RUNNING));
        recorder.accept(step(CONFORM, 1, StepState.RUNNING));
        RunTimeline first = recorder.timeline();

        recorder.accept(step(CONFORM, 2, StepState.SUCCEEDED));
        RunTimeline second = recorder.timeline();

        assertThat(row(first, CONFORM).state()).as("an earlier snapshot does not change").isEqualTo(
                StepState.RUNNING);
        assertThat(row(second, CONFORM).state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(second.stage("Initialisation")).containsSame(first.stage("Initialisation").orElseThrow());
        assertThat(row(second, LOAD)).isSameAs(row(first, LOAD));
        assertThat(second.stage("Transformation")).isNotSameAs(first.stage("Transformation"));
        assertThat(recorder.timeline()).isSameAs(second);
    }

    @Test
    void estimatesAreCarriedByTheRunAndItsStages() {
        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        RunRecord past = pastRun("run-1", Duration.ofSeconds(100));
        recorder.estimates(TimelineEstimates.of(List.of(past)));

        RunTimeline timeline = recorder.timeline();
        assertThat(timeline.estimate()).contains(Duration.ofSeconds(100));
        assertThat(timeline.stage("Initialisation").orElseThrow().estimate()).contains(Duration.ofSeconds(100));
        assertThat(timeline.stage("Integration").orElseThrow().estimate()).isEmpty();

        recorder.estimates(TimelineEstimates.NONE);
        assertThat(recorder.timeline().estimate()).isEmpty();
        assertThat(recorder.timeline().stage("Initialisation").orElseThrow().estimate()).isEmpty();
    }

    @Test
    void aResumedRunStartsFromWhatItsRecordSaysHappened() {
        InMemoryRunJournal journal = new InMemoryRunJournal();
        RunPlan plan = plan();
        journal.runCreated(RUN, plan, Optional.empty(), at(0));
        journal.attemptSubmitting(RUN, LOOKUP, 1, at(1));
        journal.attemptEnded(RUN, LOOKUP, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(), at(5));
        journal.stepEnded(RUN, LOOKUP, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(), at(5));
        journal.stageEnded(RUN, "Initialisation", StepState.SUCCEEDED, at(5));
        StepKey integration = StepKey.of("Integration", "Run integration pipeline");
        journal.attemptSubmitting(RUN, integration, 1, at(6));
        journal.attemptSubmitted(RUN, integration, 1, new JobLocation(WS, "pl-integration-id", "job-77"), at(7));

        TimelineRecorder recorder = TimelineRecorder.resumed(plan, journal.find(RUN).orElseThrow());
        RunTimeline seeded = recorder.timeline();

        assertThat(seeded.state()).isEqualTo(RunState.RUNNING);
        assertThat(seeded.start()).contains(at(0));
        assertThat(seeded.stage("Initialisation").orElseThrow().state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(seeded.stage("Integration").orElseThrow().state()).isEqualTo(StepState.RUNNING);
        assertThat(seeded.stage("Transformation").orElseThrow().state()).isEqualTo(StepState.PENDING);
        assertThat(row(seeded, integration).attempts()).singleElement().satisfies(a -> {
            assertThat(a.jobInstanceId()).contains("job-77");
            assertThat(a.running()).isTrue();
            assertThat(a.start()).isEqualTo(at(6));
        });
        assertThat(row(seeded, integration).state()).isEqualTo(StepState.RUNNING);
        assertThat(row(seeded, CONFORM).type()).as("laid out from the plan").isEqualTo("TridentNotebook");

        recorder.accept(started(integration, 120, 1, "job-77"));
        recorder.accept(ended(integration, 180, 1, 174, AttemptStatus.SUCCEEDED));
        assertThat(row(recorder.timeline(), integration).attempts()).singleElement().satisfies(a -> {
            assertThat(a.start()).as("re-attaching keeps the recorded start").isEqualTo(at(6));
            assertThat(a.end()).contains(at(180));
        });
    }

    @Test
    void fiveThousandItemsRecordedAndSnapshottedAHundredTimesTakeWellUnderASecond() {
        TimelineRecorder warmUp = new TimelineRecorder(plan(), RUN);
        recordFanOut(warmUp, 5_000, 100);

        TimelineRecorder recorder = new TimelineRecorder(plan(), RUN);
        // the test thread's CPU time, so that other processes on a loaded machine do not count
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        RunTimeline last = recordFanOut(recorder, 5_000, 100);
        Duration wall = Duration.ofNanos(System.nanoTime() - wallBefore);
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuBefore);

        StepRow load = row(last, LOAD);
        assertThat(load.children()).hasSize(5_000).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(item.children()).singleElement().satisfies(inner -> assertThat(inner.attempts()).hasSize(1));
        });
        assertThat(cpu).as("CPU time for 5,000 items' events and 100 snapshots (wall time %s)", wall)
                .isLessThan(Duration.ofMillis(500));
    }

    /** Every item waits for a slot, runs its inner notebook once and succeeds; a snapshot after every batch. */
    private static RunTimeline recordFanOut(TimelineRecorder recorder, int items, int snapshots) {
        WaitReason slot = WaitReason.slotHeld(List.of("[0] t0", "[1] t1"), 2);
        for (int i = 0; i < items; i++) {
            recorder.accept(waiting(LOAD.item(i, "t" + i), 0, slot));
        }
        RunTimeline last = recorder.timeline();
        int perBatch = items / snapshots;
        for (int i = 0; i < items; i++) {
            StepKey item = LOAD.item(i, "t" + i);
            StepKey inner = item.child("Check table");
            recorder.accept(step(item, i, StepState.RUNNING));
            recorder.accept(step(inner, i, StepState.RUNNING));
            recorder.accept(started(inner, i, 1, "job-" + i));
            recorder.accept(ended(inner, i + 1, 1, 1, AttemptStatus.SUCCEEDED));
            recorder.accept(step(inner, i + 1, StepState.SUCCEEDED));
            recorder.accept(step(item, i + 1, StepState.SUCCEEDED));
            if ((i + 1) % perBatch == 0) {
                last = recorder.timeline();
            }
        }
        return last;
    }

    /** A successful run whose only stage, Initialisation, took {@code took}. */
    private static RunRecord pastRun(String runId, Duration took) {
        InMemoryRunJournal journal = new InMemoryRunJournal();
        RunPlan plan = TestPlans.in(WS).stage("Initialisation", TestPlans.lookup("Lookup environment")).build();
        journal.runCreated(runId, plan, Optional.empty(), at(0));
        journal.attemptEnded(runId, LOOKUP, 1, AttemptStatus.SUCCEEDED, Optional.empty(), Optional.empty(),
                at(0).plus(took));
        journal.stepEnded(runId, LOOKUP, StepState.SUCCEEDED, Optional.empty(), Map.of(), Optional.empty(),
                at(0).plus(took));
        journal.stageEnded(runId, "Initialisation", StepState.SUCCEEDED, at(0).plus(took));
        journal.runEnded(runId, RunState.SUCCEEDED, at(0).plus(took));
        return journal.find(runId).orElseThrow();
    }
}
