package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.core.engine.EngineHarness.ms;
import static org.dbb.console.core.workspace.pipeline.DependencyCondition.COMPLETED;
import static org.dbb.console.core.workspace.pipeline.DependencyCondition.FAILED;
import static org.dbb.console.core.workspace.pipeline.DependencyCondition.SKIPPED;
import static org.dbb.console.core.workspace.pipeline.DependencyCondition.SUCCEEDED;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

class DependencyAndStageTest {

    @Test
    void dependencyConditionsDecideWhatRunsAfterAFailureAndTheFailedStageStopsTheRun() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_silver_conform: {seconds: 5, failOnAttempts: [1]}
                """)) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan()
                    .stage("Transformation",
                            Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"), Map.of())).build(),
                            Plans.step("Report failure", Plans.pause(ms(1))).after("Conform", FAILED).build(),
                            Plans.step("Publish", Plans.pause(ms(1))).after("Conform", SUCCEEDED).build(),
                            Plans.step("Explain skip", Plans.pause(ms(1))).after("Publish", SKIPPED).build(),
                            Plans.step("Always", Plans.pause(ms(1))).after("Conform", COMPLETED).build(),
                            Plans.step("Needs both", Plans.pause(ms(1))).after("Always")
                                    .after("Report failure", SUCCEEDED).build())
                    .stage("Monitoring", Plans.step("Check", Plans.pause(ms(1))).build())
                    .build(), events);

            assertThat(events.last("Conform")).contains(StepState.FAILED);
            assertThat(events.last("Report failure")).contains(StepState.SUCCEEDED);
            assertThat(events.last("Publish")).contains(StepState.SKIPPED);
            assertThat(events.last("Explain skip")).contains(StepState.SUCCEEDED);
            assertThat(events.last("Always")).contains(StepState.SUCCEEDED);
            assertThat(events.last("Needs both")).contains(StepState.SUCCEEDED);
            assertThat(events.step("Report failure").get(0).waitReason()).hasValueSatisfying(w -> {
                assertThat(w.kind()).isEqualTo(WaitReason.Kind.UPSTREAM);
                assertThat(w.holders()).containsExactly("Conform");
            });

            List<RunEvent.StageStateChanged> stages = events.of(RunEvent.StageStateChanged.class);
            assertThat(stages).extracting(RunEvent.StageStateChanged::stage, RunEvent.StageStateChanged::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Transformation", StepState.RUNNING),
                            org.assertj.core.groups.Tuple.tuple("Transformation", StepState.FAILED),
                            org.assertj.core.groups.Tuple.tuple("Monitoring", StepState.SKIPPED));
            assertThat(stages.get(2).reason()).contains("stage Transformation failed");
            assertThat(events.last("Check")).contains(StepState.SKIPPED);
            assertThat(h.rows.rows(MonitoringStatus.SKIPPED)).extracting(MonitoringRow::activity)
                    .containsExactly("Publish");
            assertThat(outcome.state()).isEqualTo(RunState.FAILED);
            assertThat(events.of(RunEvent.RunStateChanged.class)).extracting(RunEvent.RunStateChanged::state)
                    .containsExactly(RunState.RUNNING, RunState.FAILED);
        }
    }

    @Test
    void laterStagesSeeTheOutcomesOfEarlierStagesTopLevelSteps() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan()
                    .stage("Initialisation", Plans.step("Set date", Plans.set("load_date",
                            TestExpression.literal("2025-01-31"))).build())
                    .stage("Integration", Plans.step("Use date", Plans.set("copy",
                            TestExpression.variable("load_date"))).after("Set date").build())
                    .build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.journal.find(outcome.runId()).orElseThrow()
                    .step(StepKey.of("Integration", "Use date")).orElseThrow().variablesSet().get("copy").asText())
                    .isEqualTo("2025-01-31");
        }
    }
}
