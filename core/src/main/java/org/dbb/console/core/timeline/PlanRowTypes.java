package org.dbb.console.core.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * Types and items of rows as a {@link RunPlan} knows them, found by walking a step key's path through the plan:
 * a branch activity inside its condition, an activity inside a fan-out item, a model of the refresh step. A fan-out
 * item row ({@code [3] label}) has no type. Immutable; thread-safe.
 */
final class PlanRowTypes implements RowTypes {

    private final Map<String, PlannedStage> stages = new HashMap<>();

    PlanRowTypes(RunPlan plan) {
        for (PlannedStage stage : plan.stages()) {
            stages.put(stage.name(), stage);
        }
    }

    @Override
    public Described describe(StepKey key) {
        PlannedStage stage = stages.get(key.stage());
        if (stage == null) {
            return Described.UNKNOWN;
        }
        String[] segments = key.path().split("/");
        List<PlannedStep> siblings = stage.steps();
        PlannedStep step = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (siblings == null) {
                return Described.UNKNOWN;
            }
            step = named(siblings, segment).orElse(null);
            if (step == null) {
                return Described.UNKNOWN;
            }
            boolean last = i == segments.length - 1;
            StepAction action = step.action();
            if (last) {
                break;
            }
            String next = segments[i + 1];
            if (action instanceof StepAction.Condition condition) {
                List<PlannedStep> branches = new ArrayList<>(condition.ifTrue());
                branches.addAll(condition.ifFalse());
                siblings = branches;
            } else if (action instanceof StepAction.FanOut fanOut && next.startsWith("[")) {
                if (i + 1 == segments.length - 1) {
                    return Described.UNKNOWN;
                }
                i++;
                siblings = fanOut.steps();
            } else if (action instanceof StepAction.SemanticRefresh refresh && i + 1 == segments.length - 1) {
                return refresh.models().stream().filter(m -> m.name().equals(next)).findFirst()
                        .map(PlanRowTypes::model).orElse(new Described(StepTypes.SEMANTIC_MODEL_REFRESH,
                                Optional.empty()));
            } else {
                return Described.UNKNOWN;
            }
        }
        return step == null ? Described.UNKNOWN : of(step);
    }

    private static Described of(PlannedStep step) {
        Optional<String> itemId = step.action() instanceof StepAction.FabricJob job ? Optional.of(job.item().id())
                : Optional.empty();
        return new Described(step.type(), itemId);
    }

    private static Described model(ModelTarget model) {
        return new Described(StepTypes.SEMANTIC_MODEL_REFRESH, Optional.of(model.datasetId()));
    }

    private static Optional<PlannedStep> named(List<PlannedStep> steps, String name) {
        for (PlannedStep step : steps) {
            if (step.name().equals(name)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
