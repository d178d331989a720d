package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RunPlan;

/**
 * The run's state as views read it: one immutable view per stage and per step, replaced on every change. Written
 * only on the run's serial executor; read from any thread by {@link #snapshot}.
 */
final class StateBoard {

    private final String runId;
    private final List<String> stageOrder;
    private final Map<String, RunSnapshot.StageView> stages = new ConcurrentHashMap<>();
    private final Map<StepKey, RunSnapshot.StepView> steps = new ConcurrentHashMap<>();
    private final Queue<StepKey> order = new ConcurrentLinkedQueue<>();

    StateBoard(String runId, RunPlan plan) {
        this.runId = runId;
        this.stageOrder = plan.stages().stream().map(PlannedStage::name).toList();
        for (PlannedStage stage : plan.stages()) {
            stages.put(stage.name(), new RunSnapshot.StageView(stage.number(), stage.name(), StepState.PENDING,
                    Optional.empty()));
        }
    }

    void stage(String name, StepState state, Optional<String> reason) {
        stages.computeIfPresent(name, (n, v) -> new RunSnapshot.StageView(v.number(), n, state, reason));
    }

    RunSnapshot.StepView step(StepKey key) {
        return steps.get(key);
    }

    void step(StepKey key, UnaryOperator<RunSnapshot.StepView> change) {
        RunSnapshot.StepView before = steps.get(key);
        if (before == null) {
            before = new RunSnapshot.StepView(key, StepState.PENDING, Optional.empty(), 0, List.of(),
                    Optional.empty(), Optional.empty());
            order.add(key);
        }
        steps.put(key, change.apply(before));
    }

    RunSnapshot snapshot(RunState state) {
        List<RunSnapshot.StageView> stageViews = new ArrayList<>();
        for (String name : stageOrder) {
            stageViews.add(stages.get(name));
        }
        List<RunSnapshot.StepView> stepViews = new ArrayList<>();
        for (StepKey key : order) {
            RunSnapshot.StepView view = steps.get(key);
            if (view != null) {
                stepViews.add(view);
            }
        }
        return new RunSnapshot(runId, state, stageViews, stepViews);
    }
}
