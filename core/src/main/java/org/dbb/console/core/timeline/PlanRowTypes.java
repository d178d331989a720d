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
 * item row ({@code [3] label}) has no type. Positions follow the plan: branch activities in the order the branches
 * list them, models in the order the refresh step lists them. Immutable; thread-safe.
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
        int position = -1;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (siblings == null) {
                return Described.UNKNOWN;
            }
            position = indexOf(siblings, segment);
            if (position < 0) {
                return Described.UNKNOWN;
            }
            step = siblings.get(position);
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
                    // the item row itself: no type, ordered by its index
                    return Described.UNKNOWN;
                }
                i++;
                siblings = fanOut.steps();
            } else if (action instanceof StepAction.SemanticRefresh refresh && i + 1 == segments.length - 1) {
                List<ModelTarget> models = refresh.models();
                for (int m = 0; m < models.size(); m++) {
                    if (models.get(m).name().equals(next)) {
                        return new Described(StepTypes.SEMANTIC_MODEL_REFRESH, Optional.of(models.get(m).datasetId()),
                                m);
                    }
                }
                return new Described(StepTypes.SEMANTIC_MODEL_REFRESH, Optional.empty(), -1);
            } else {
                return Described.UNKNOWN;
            }
        }
        return step == null ? Described.UNKNOWN : of(step).at(position);
    }

    private static Described of(PlannedStep step) {
        Optional<String> itemId = step.action() instanceof StepAction.FabricJob job ? Optional.of(job.item().id())
                : Optional.empty();
        return new Described(step.type(), itemId, -1);
    }

    private static int indexOf(List<PlannedStep> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
