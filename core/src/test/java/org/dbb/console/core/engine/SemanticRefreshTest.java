package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RetrySpec;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

class SemanticRefreshTest {

    private static final List<String> MODELS = List.of("Sales", "Finance", "HR", "Inventory", "Operations",
            "Customer360");
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String STEP = "Refresh semantic models";

    private static String scenario(int refreshSeconds, String models) {
        return """
                timeScale: 0.001
                defaults: {refreshSeconds: %d, refreshQueueSeconds: 0}
                """.formatted(refreshSeconds) + (models.isBlank() ? "" : "models:\n" + models);
    }

    private static ModelTarget model(EngineHarness h, String name, Duration target) {
        return new ModelTarget(name, h.workspaceId(), h.fabric.itemId("SemanticModel", name), target, List.of());
    }

    private static RunPlan plan(EngineHarness h, List<ModelTarget> models, int cap, RetrySpec perModel,
            Optional<RerunRequest> rerun) {
        Plans plans = h.plan().stage("Semantic refresh", Plans.step(STEP,
                new StepAction.SemanticRefresh(models, cap, perModel)).build());
        rerun.ifPresent(plans::rerun);
        return plans.build();
    }

    @Test
    void refreshesEveryModelAsAStepOfItsOwnAndTakesANewCapMidRun() {
        try (EngineHarness h = EngineHarness.scenario(scenario(250, ""))) {
            RecordingListener events = new RecordingListener();
            List<ModelTarget> models = MODELS.stream().map(m -> model(h, m, LONG)).toList();
            RunHandle run = h.engine.start(plan(h, models, 1, Plans.NO_RETRY, Optional.empty()), events);
            Eventually.until(() -> events.of(RunEvent.AttemptStarted.class).size() == 1, "the first refresh");
            assertThat(h.fabric.stats().inFlightRefreshes()).isEqualTo(1);

            run.setRefreshConcurrency(3);
            RunOutcome outcome = h.await(run);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.fabric.stats().maxInFlightRefreshes()).isEqualTo(3);
            for (String name : MODELS) {
                assertThat(events.last(STEP + "/" + name)).contains(StepState.SUCCEEDED);
                assertThat(events.attemptsStarted(STEP + "/" + name)).singleElement()
                        .satisfies(a -> assertThat(a.jobInstanceId()).isPresent());
            }
            assertThat(events.step(STEP + "/Customer360")).anySatisfy(e -> assertThat(e.waitReason())
                    .hasValueSatisfying(w -> assertThat(w.kind()).isEqualTo(WaitReason.Kind.SLOT_HELD)));
            List<MonitoringRow> rows = h.rows.rows().stream().filter(r -> r.activity().equals(STEP)).toList();
            assertThat(rows).hasSize(2 * MODELS.size());
            assertThat(rows).filteredOn(r -> r.status() == MonitoringStatus.SUCCEEDED)
                    .extracting(r -> r.item().orElseThrow()).containsExactlyInAnyOrderElementsOf(MODELS);
            assertThat(h.journal.find(outcome.runId()).orElseThrow().step(StepKey.of("Semantic refresh", STEP
                    + "/Sales")).orElseThrow().attempts().get(0).refreshId()).isPresent();
        }
    }

    @Test
    void aModelFailingEveryAttemptFailsTheStepAndAnOnlyFailedRerunRefreshesJustThatModel() {
        try (EngineHarness h = EngineHarness.scenario(scenario(30, """
                  HR:
                    failOnAttempts: [1, 2]
                    failure: {engineCode: "0xC11C0020", errorCode: ModelRefresh_ShortMessage_ProcessingError,
                              message: evicted}
                """))) {
            List<ModelTarget> models = List.of(model(h, "Sales", LONG), model(h, "HR", LONG),
                    model(h, "Finance", LONG));
            RetrySpec oneRetry = new RetrySpec(1, Duration.ofMillis(20), Duration.ofSeconds(5));
            RecordingListener first = new RecordingListener();
            RunOutcome original = h.run(plan(h, models, 2, oneRetry, Optional.empty()), first);

            assertThat(original.state()).isEqualTo(RunState.FAILED);
            assertThat(first.attemptsEnded(STEP + "/HR")).extracting(RunEvent.AttemptEnded::status)
                    .containsExactly(AttemptStatus.FAILED, AttemptStatus.FAILED);
            assertThat(first.last(STEP + "/HR")).contains(StepState.FAILED);
            assertThat(first.last(STEP + "/Sales")).contains(StepState.SUCCEEDED);

            RecordingListener rerun = new RecordingListener();
            RunOutcome again = h.run(plan(h, models, 2, oneRetry, Optional.of(new RerunRequest(original.runId(),
                    RerunMode.ONLY_FAILED, Optional.empty()))), rerun);

            assertThat(again.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(rerun.of(RunEvent.AttemptStarted.class)).extracting(e -> e.step().path())
                    .containsExactly(STEP + "/HR");
            assertThat(rerun.step(STEP + "/Sales")).singleElement()
                    .satisfies(e -> assertThat(e.reusedFrom()).contains(original.runId()));
        }
    }

    @Test
    void cancelReachesTheConductorAndItsRefreshes() {
        try (EngineHarness h = EngineHarness.scenario(scenario(100000, ""))) {
            RecordingListener events = new RecordingListener();
            List<ModelTarget> models = List.of(model(h, "Sales", LONG), model(h, "HR", LONG),
                    model(h, "Finance", LONG));
            RunHandle run = h.engine.start(plan(h, models, 2, Plans.NO_RETRY, Optional.empty()), events);
            Eventually.until(() -> events.of(RunEvent.AttemptStarted.class).size() == 2, "two refreshes running");

            run.cancel();
            RunOutcome outcome = h.await(run);

            assertThat(outcome.state()).isEqualTo(RunState.CANCELLED);
            for (String name : List.of("Sales", "HR", "Finance")) {
                assertThat(events.last(STEP + "/" + name)).contains(StepState.CANCELLED);
            }
            assertThat(h.fabric.stats().inFlightRefreshes()).isZero();
            assertThat(h.rows.rows(MonitoringStatus.CANCELLED)).hasSize(2);
        }
    }

    @Test
    void aRefreshPastItsTargetIsReportedOnceAsAnOverrunAndCarriesOn() {
        try (EngineHarness h = EngineHarness.scenario(scenario(400, ""))) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(plan(h, List.of(model(h, "Finance", Duration.ofMillis(100))), 1,
                    Plans.NO_RETRY, Optional.empty()), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(events.of(RunEvent.Overrun.class)).singleElement()
                    .satisfies(e -> assertThat(e.model()).isEqualTo("Finance"));
            assertThat(h.rows.rows(MonitoringStatus.OVERRUN)).singleElement()
                    .satisfies(r -> assertThat(r.item()).contains("Finance"));
        }
    }
}
