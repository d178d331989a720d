package org.dbb.console.core.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.dbb.console.core.expr.ExpressionParser;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RetrySpec;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.plan.StepAction;

/** Run plans built by hand for timeline tests, in a given workspace. Not thread-safe. */
final class TestPlans {

    static final RetrySpec NO_RETRY = new RetrySpec(0, Duration.ZERO, Duration.ofSeconds(30));
    private static final ExpressionParser PARSER = new ExpressionParser();

    private final String workspaceId;
    private final List<PlannedStage> stages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private TestPlans(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    static TestPlans in(String workspaceId) {
        return new TestPlans(workspaceId);
    }

    TestPlans stage(String name, PlannedStep... steps) {
        stages.add(new PlannedStage(stages.size() + 1, name, List.of(steps)));
        return this;
    }

    TestPlans warning(String text) {
        warnings.add(text);
        return this;
    }

    RunPlan build() {
        RunRequest request = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.POWER_BI_API, "tester", Optional.empty());
        return new RunPlan(request, "sandbox", workspaceId, "DBB Sandbox",
                new ItemRef("DataPipeline", "orchestration_pipeline_DBB", workspaceId, "master-id"), Map.of(),
                Map.of(), stages, 0.001, warnings);
    }

    // Steps

    static PlannedStep lookup(String name) {
        return new PlannedStep(name, "Lookup", List.of(), NO_RETRY, "$." + name,
                new StepAction.Lookup(LookupSource.ENVIRONMENT, true));
    }

    static PlannedStep notebook(String name, ItemRef item, RetrySpec retry) {
        return new PlannedStep(name, "TridentNotebook", List.of(), retry, "$." + name,
                new StepAction.FabricJob(item, "RunNotebook", Map.of()));
    }

    static PlannedStep pipeline(String name, ItemRef item) {
        return new PlannedStep(name, "InvokePipeline", List.of(), NO_RETRY, "$." + name,
                new StepAction.FabricJob(item, "Pipeline", Map.of()));
    }

    static PlannedStep forEach(String name, String items, int batchCount, PlannedStep... inner) {
        return new PlannedStep(name, "ForEach", List.of(), NO_RETRY, "$." + name,
                new StepAction.FanOut(PARSER.parse(items), batchCount, List.of(inner)));
    }

    static PlannedStep condition(String name, String expression, List<PlannedStep> ifTrue,
            List<PlannedStep> ifFalse) {
        return new PlannedStep(name, "IfCondition", List.of(), NO_RETRY, "$." + name,
                new StepAction.Condition(PARSER.parse(expression), ifTrue, ifFalse));
    }

    static PlannedStep refresh(String name, int cap, RetrySpec perModel, ModelTarget... models) {
        return new PlannedStep(name, "ExecutePipeline", List.of(), NO_RETRY, "$." + name,
                new StepAction.SemanticRefresh(List.of(models), cap, perModel));
    }
}
