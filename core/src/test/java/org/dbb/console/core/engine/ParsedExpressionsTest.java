package org.dbb.console.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionParser;
import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.StepAction;
import org.dbb.console.core.workspace.pipeline.DependencyCondition;

/** The engine evaluating expressions as the parser reads them from pipeline JSON. */
class ParsedExpressionsTest {

    private static final ExpressionParser PARSER = new ExpressionParser();

    private static Expression parse(String text) {
        return PARSER.parse(text);
    }

    @Test
    void lookupOutputsVariablesParametersAndItemsFlowIntoConditionsAndJobs() {
        try (EngineHarness h = EngineHarness.scenario("""
                timeScale: 0.002
                items:
                  nb_maintenance_cleanup: {seconds: 5}
                """)) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().parameter("run_maintenance", true)
                    .parameter("tables", List.of("fct_sales", "dim_date"))
                    .stage("Initialisation",
                            Plans.step("Lookup environment", Plans.lookup(LookupSource.ENVIRONMENT, true)).build(),
                            Plans.step("Set workspace id", Plans.set("workspace_id",
                                    parse("@activity('Lookup environment').output.firstRow.workspace_id")))
                                    .after("Lookup environment").build())
                    .stage("Maintenance", Plans.step("Run maintenance if requested", new StepAction.Condition(
                            parse("@equals(pipeline().parameters.run_maintenance, true)"), List.of(
                                    Plans.step("Clean up retained files", Plans.notebook(
                                            h.notebook("nb_maintenance_cleanup"), Map.of(
                                                    "workspace_id", parse("@variables('workspace_id')"),
                                                    "label", parse("run @{pipeline().RunId}")))).build(),
                                    Plans.step("Per table", new StepAction.FanOut(
                                            parse("@pipeline().parameters.tables"), 2, List.of(
                                                    Plans.step("Remember", Plans.set("last_table",
                                                            parse("@toUpper(item())"))).build())))
                                            .after("Clean up retained files", DependencyCondition.COMPLETED)
                                            .build()),
                            List.of())).build())
                    .build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(events.last("Run maintenance if requested/Clean up retained files"))
                    .contains(StepState.SUCCEEDED);
            assertThat(events.last("Run maintenance if requested/Per table/[1] dim_date/Remember"))
                    .contains(StepState.SUCCEEDED);
            assertThat(h.jobsStarted("nb_maintenance_cleanup")).isEqualTo(1);
            RunRecord record = h.journal.find(outcome.runId()).orElseThrow();
            assertThat(record.step(StepKey.of("Maintenance", "Run maintenance if requested")).orElseThrow()
                    .output().orElseThrow().path("ifExpression").asBoolean()).isTrue();
        }
    }

    @Test
    void aConditionThatIsFalseRunsTheFalseBranchOnly() {
        try (EngineHarness h = EngineHarness.neutral()) {
            RecordingListener events = new RecordingListener();
            RunOutcome outcome = h.run(h.plan().parameter("run_maintenance", false)
                    .stage("Maintenance", Plans.step("Run maintenance if requested", new StepAction.Condition(
                            parse("@bool(pipeline().parameters.run_maintenance)"),
                            List.of(Plans.step("Clean", Plans.pause(Duration.ofMillis(1))).build()),
                            List.of(Plans.step("Note skip", Plans.pause(Duration.ofMillis(1))).build()))).build())
                    .build(), events);

            assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(events.step("Run maintenance if requested/Clean")).isEmpty();
            assertThat(events.last("Run maintenance if requested/Note skip")).contains(StepState.SUCCEEDED);
        }
    }
}
