package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.plan.StepAction;

class RerunTest {

    private static final String GET_WORKSPACE = "GET /v1/workspaces/{workspaceId}";
    private static final String SCENARIO = """
            timeScale: 0.002
            items:
              nb_silver_conform: {seconds: 5, failOnAttempts: [1]}
            """;

    /** Initialisation (lookup, variable) → Transformation (a notebook that fails its first run) → Monitoring. */
    private static RunPlan plan(EngineHarness h, Optional<RerunRequest> rerun) {
        Plans plans = h.plan()
                .stage("Initialisation",
                        Plans.step("Lookup environment", Plans.lookup(LookupSource.ENVIRONMENT, true)).build(),
                        Plans.step("Set workspace id", Plans.set("workspace_id",
                                TestExpression.output("Lookup environment", "firstRow.workspace_id")))
                                .after("Lookup environment").build())
                .stage("Transformation",
                        Plans.step("Conform", Plans.notebook(h.notebook("nb_silver_conform"),
                                Map.of("workspace", TestExpression.variable("workspace_id")))).build())
                .stage("Monitoring", Plans.step("Check", Plans.pause(Duration.ofMillis(1))).build());
        rerun.ifPresent(plans::rerun);
        return plans.build();
    }

    @Test
    void stageOnlyReusesEarlierStagesRunsTheStageAndSkipsLaterOnes() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            RunOutcome original = h.run(plan(h, Optional.empty()), RunListener.none());
            assertThat(original.state()).isEqualTo(RunState.FAILED);
            long lookups = h.fabric.stats().requests(GET_WORKSPACE);

            RecordingListener events = new RecordingListener();
            RunOutcome rerun = h.run(plan(h, Optional.of(new RerunRequest(original.runId(), RerunMode.STAGE_ONLY,
                    Optional.of("Transformation")))), events);

            assertThat(rerun.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(rerun.rerunOf()).contains(original.runId());
            assertThat(h.fabric.stats().requests(GET_WORKSPACE)).isEqualTo(lookups);
            assertThat(h.jobsStarted("nb_silver_conform")).isEqualTo(2);
            RunEvent.StepStateChanged lookup = events.step("Lookup environment").get(0);
            assertThat(lookup.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(lookup.reusedFrom()).contains(original.runId());
            assertThat(events.last("Conform")).contains(StepState.SUCCEEDED);
            assertThat(events.last("Check")).contains(StepState.SKIPPED);
            assertThat(events.step("Check").get(0).message()).contains("not part of this re-run");
            RunRecord record = h.journal.find(rerun.runId()).orElseThrow();
            assertThat(record.rerunOf()).contains(original.runId());
            assertThat(record.step(StepKey.of("Initialisation", "Set workspace id")).orElseThrow().variablesSet()
                    .get("workspace_id").asText()).isEqualTo(h.workspaceId());
        }
    }

    @Test
    void fromStageRunsThatStageAndEveryLaterOne() {
        try (EngineHarness h = EngineHarness.scenario(SCENARIO)) {
            RunOutcome original = h.run(plan(h, Optional.empty()), RunListener.none());
            long lookups = h.fabric.stats().requests(GET_WORKSPACE);

            RecordingListener events = new RecordingListener();
            RunOutcome rerun = h.run(plan(h, Optional.of(new RerunRequest(original.runId(), RerunMode.FROM_STAGE,
                    Optional.of("Transformation")))), events);

            assertThat(rerun.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(h.fabric.stats().requests(GET_WORKSPACE)).isEqualTo(lookups);
            assertThat(events.last("Check")).contains(StepState.SUCCEEDED);
            assertThat(events.step("Check").get(events.step("Check").size() - 1).reusedFrom()).isEmpty();
        }
    }

    @Test
    void onlyFailedRerunsJustTheFailedItemsOfTheFailedStage() {
        try (EngineHarness h = EngineHarness.neutral()) {
            AtomicBoolean stockBroken = new AtomicBoolean(true);
            Map<String, Integer> evaluations = new ConcurrentHashMap<>();
            Expression check = TestExpression.of("@item()", context -> {
                String table = context.item().orElseThrow().asText();
                evaluations.merge(table, 1, Integer::sum);
                if (table.equals("stock") && stockBroken.get()) {
                    throw new ExpressionEvaluationException("stock is broken");
                }
                return TextNode.valueOf(table);
            });
            RunPlan original = h.plan()
                    .stage("Initialisation", Plans.step("Lookup environment",
                            Plans.lookup(LookupSource.ENVIRONMENT, true)).build())
                    .stage("Load", Plans.step("Load tables", new StepAction.FanOut(
                            TestExpression.literal(List.of("sales", "stock", "ledger")), 2, List.of(
                                    Plans.step("Check", Plans.set("last", check)).build()))).build())
                    .stage("Monitoring", Plans.step("Report", Plans.pause(Duration.ofMillis(1))).build())
                    .build();
            RunOutcome first = h.run(original, RunListener.none());
            assertThat(first.state()).isEqualTo(RunState.FAILED);
            long lookups = h.fabric.stats().requests(GET_WORKSPACE);
            stockBroken.set(false);

            RecordingListener events = new RecordingListener();
            RunOutcome rerun = h.run(rerunOf(original, new RerunRequest(first.runId(), RerunMode.ONLY_FAILED,
                    Optional.empty())), events);

            assertThat(rerun.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(evaluations).containsEntry("sales", 1).containsEntry("ledger", 1).containsEntry("stock", 2);
            assertThat(h.fabric.stats().requests(GET_WORKSPACE)).isEqualTo(lookups);
            assertThat(events.last("Load tables/[0] sales")).contains(StepState.SUCCEEDED);
            assertThat(events.step("Load tables/[0] sales").get(0).reusedFrom()).contains(first.runId());
            assertThat(events.last("Load tables/[1] stock")).contains(StepState.SUCCEEDED);
            assertThat(events.step("Load tables/[1] stock/Check")).isNotEmpty();
            assertThat(events.last("Report")).contains(StepState.SKIPPED);
        }
    }

    private static RunPlan rerunOf(RunPlan plan, RerunRequest rerun) {
        RunRequest r = plan.request();
        RunRequest request = new RunRequest(r.environment(), r.parameters(), r.maintenance(), r.models(),
                r.concurrency(), r.refreshMode(), r.operator(), Optional.of(rerun));
        return new RunPlan(request, plan.environment(), plan.workspaceId(), plan.workspaceName(),
                plan.masterPipeline(), plan.parameters(), plan.variables(), plan.stages(), plan.timeScale(),
                plan.warnings());
    }

    @Test
    void aRerunOfAnUnknownRunIsRefusedWithAClearMessage() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RunPlan rerun = plan(h, Optional.of(new RerunRequest("run-404", RerunMode.STAGE_ONLY,
                    Optional.of("Transformation"))));

            assertThatThrownBy(() -> h.engine.start(rerun, RunListener.none()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot re-run run-404: the journal has no run with that id");
        }
    }
}
