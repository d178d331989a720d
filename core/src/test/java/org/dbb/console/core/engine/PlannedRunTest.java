package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.plan.EnvironmentCatalog;
import org.dbb.console.core.plan.EnvironmentCatalogs;
import org.dbb.console.core.plan.PlanBuilder;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;

/** The sample workspace planned by the plan builder and run end to end against the emulator. */
class PlannedRunTest {

    private static final double SCALE = 0.001;
    private static final String GET_WORKSPACE = "GET /v1/workspaces/{workspaceId}";

    private static RunPlan plan(EngineHarness h, Optional<RerunRequest> rerun) {
        EnvironmentCatalog catalog = EnvironmentCatalogs.fetch(h.fabric.fabric(),
                h.repository().settings().environment("sandbox").orElseThrow(), h.fabric.sandbox().displayName());
        RunRequest request = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.of(2),
                RefreshMode.POWER_BI_API, "ops", rerun);
        return new PlanBuilder().build(h.repository(), catalog, request, SCALE);
    }

    @Test
    void theSampleMasterPipelineRunsEveryStageToSuccess() {
        try (EngineHarness h = EngineHarness.scenario("timeScale: 0.001\n")) {
            RunPlan plan = plan(h, Optional.empty());
            RecordingListener events = new RecordingListener();

            RunOutcome outcome = h.run(plan, events);

            assertThat(outcome.state()).as(() -> events.all().toString()).isEqualTo(RunState.SUCCEEDED);
            assertThat(events.of(RunEvent.StageStateChanged.class).stream()
                    .filter(e -> e.state().isTerminal()).map(RunEvent.StageStateChanged::stage).toList())
                    .containsExactlyElementsOf(plan.stages().stream().map(s -> s.name()).toList());
            assertThat(h.jobsStarted("integration_pipeline_DBB")).isEqualTo(1);
            assertThat(h.jobsStarted("transformation_pipeline_DBB")).isEqualTo(1);
            assertThat(h.rows.rows(MonitoringStatus.FAILED)).isEmpty();
            assertThat(h.rows.rows(MonitoringStatus.SUCCEEDED)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.operator()).isEqualTo("ops"));
        }
    }

    @Test
    void aFailedStageIsReRunAloneWithTheLookupsOfTheFirstRunReused() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.001
                items:
                  transformation_pipeline_DBB: {failOnAttempts: [1, 2, 3]}
                """)) {
            RunPlan plan = plan(h, Optional.empty());
            int attempts = plan.stages().stream().flatMap(s -> s.steps().stream())
                    .filter(s -> s.name().equals("Run transformation pipeline")).findFirst().orElseThrow()
                    .retry().maxAttempts();
            assertThat(attempts).as("the sample's retry policy for the transformation pipeline").isEqualTo(3);
            RunOutcome original = h.run(plan, RunListener.none());

            assertThat(original.state()).isEqualTo(RunState.FAILED);
            assertThat(h.jobsStarted("transformation_pipeline_DBB")).isEqualTo(attempts);
            String failedStage = original.failedSteps().get(0).stage();
            long lookups = h.fabric.stats().requests(GET_WORKSPACE);

            RecordingListener events = new RecordingListener();
            RunOutcome rerun = h.run(plan(h, Optional.of(new RerunRequest(original.runId(), RerunMode.STAGE_ONLY,
                    Optional.of(failedStage)))), events);

            assertThat(rerun.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(rerun.rerunOf()).contains(original.runId());
            assertThat(h.fabric.stats().requests(GET_WORKSPACE)).isEqualTo(lookups);
            assertThat(h.jobsStarted("integration_pipeline_DBB")).isEqualTo(1);
            assertThat(events.of(RunEvent.StageStateChanged.class)).filteredOn(e -> e.reusedFrom().isPresent())
                    .isNotEmpty();
            assertThat(events.of(RunEvent.StageStateChanged.class)).filteredOn(e -> e.state() == StepState.SKIPPED)
                    .allSatisfy(e -> assertThat(e.reason()).contains("not part of this re-run"));
            assertThat(h.jobsStarted("transformation_pipeline_DBB")).isEqualTo(attempts + 1);
            List<RunEvent.AttemptStarted> rerunAttempts = events.of(RunEvent.AttemptStarted.class);
            assertThat(rerunAttempts).allSatisfy(a -> assertThat(a.step().stage()).isEqualTo(failedStage));
        }
    }
}
