package org.dbb.console.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.monitoring.rules.MonitoringRule;
import org.dbb.console.core.plan.ItemRef;
import org.dbb.console.core.plan.LookupSource;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RetrySpec;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.plan.StepAction;
import org.dbb.console.core.workspace.pipeline.Dependency;
import org.dbb.console.core.workspace.pipeline.DependencyCondition;

/** Builds run plans by hand for engine tests. Not thread-safe. */
final class Plans {

    static final RetrySpec NO_RETRY = new RetrySpec(0, Duration.ZERO, Duration.ofSeconds(30));

    private final String workspaceId;
    private final List<PlannedStage> stages = new ArrayList<>();
    private final Map<String, JsonNode> parameters = new LinkedHashMap<>();
    private Optional<RerunRequest> rerun = Optional.empty();
    private final List<MonitoringRule> rules = new ArrayList<>();

    private Plans(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    static Plans in(String workspaceId) {
        return new Plans(workspaceId);
    }

    Plans stage(String name, PlannedStep... steps) {
        stages.add(new PlannedStage(stages.size() + 1, name, List.of(steps)));
        return this;
    }

    Plans parameter(String name, Object value) {
        parameters.put(name, TestExpression.JSON.valueToTree(value));
        return this;
    }

    Plans rerun(RerunRequest request) {
        this.rerun = Optional.of(request);
        return this;
    }

    Plans rules(MonitoringRule... more) {
        rules.addAll(List.of(more));
        return this;
    }

    RunPlan build() {
        RunRequest request = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.POWER_BI_API, "tester", rerun);
        return new RunPlan(request, "sandbox", workspaceId, "sandbox",
                new ItemRef("DataPipeline", "orchestration_pipeline_DBB", workspaceId, "master"), parameters, Map.of(),
                stages, 0.002, List.of(), Set.of(), rules);
    }

    // Steps

    static Step step(String name, StepAction action) {
        return new Step(name, action);
    }

    static StepAction.FabricJob notebook(ItemRef item, Map<String, Expression> parameters) {
        return new StepAction.FabricJob(item, "RunNotebook", parameters);
    }

    static StepAction.FabricJob pipeline(ItemRef item) {
        return new StepAction.FabricJob(item, "Pipeline", Map.of());
    }

    static StepAction.Lookup lookup(LookupSource source, boolean firstRowOnly) {
        return new StepAction.Lookup(source, firstRowOnly);
    }

    static StepAction.Pause pause(Duration duration) {
        return new StepAction.Pause(duration);
    }

    static StepAction.SetVariable set(String variable, Expression value) {
        return new StepAction.SetVariable(variable, value);
    }

    /** A step under construction: dependencies and retry policy, then {@link #build()}. Not thread-safe. */
    static final class Step {
        private final String name;
        private final StepAction action;
        private final List<Dependency> dependsOn = new ArrayList<>();
        private RetrySpec retry = NO_RETRY;

        private Step(String name, StepAction action) {
            this.name = name;
            this.action = action;
        }

        Step after(String activity, DependencyCondition first, DependencyCondition... more) {
            dependsOn.add(new Dependency(activity, EnumSet.of(first, more)));
            return this;
        }

        Step after(String activity) {
            return after(activity, DependencyCondition.SUCCEEDED);
        }

        Step retry(int retries, Duration interval, Duration timeout) {
            this.retry = new RetrySpec(retries, interval, timeout);
            return this;
        }

        PlannedStep build() {
            return new PlannedStep(name, action.getClass().getSimpleName(), dependsOn, retry, "$." + name, action);
        }
    }
}
