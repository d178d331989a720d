package org.dbb.console.app.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dbb.console.core.engine.RerunOutline;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.PlanPrinter;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * Lays a {@link RunPlan} out as {@link PlanNode} rows, in the dry-run text's words: stages, their steps with item
 * ids and retry policies, branches and loop bodies, the semantic models with their targets and the refresh cap.
 * Stateless.
 */
final class PlanTree {

    private static final String DOT = " \u00b7 ";

    private PlanTree() {
    }

    static List<PlanNode> of(RunPlan plan, Optional<RerunOutline> outline) {
        List<PlanNode> stages = new ArrayList<>();
        for (PlannedStage stage : plan.stages()) {
            Optional<RerunOutline.Fate> fate = outline.flatMap(o -> o.fate(stage.name()));
            String detail = fate.map(f -> fateWords(f, outline.orElseThrow().originalRunId()))
                    .orElse(count(stage.steps().size(), "step"));
            stages.add(new PlanNode(PlanNode.Kind.STAGE, "Stage " + stage.number() + DOT + stage.name(), detail,
                    fate, steps(stage.steps())));
        }
        return stages;
    }

    static String fateWords(RerunOutline.Fate fate, String originalRunId) {
        return switch (fate) {
            case REUSED -> "reused from run " + originalRunId;
            case RUNS -> "runs again";
            case RUNS_FAILED_ONLY -> "runs again: only what did not succeed in run " + originalRunId;
            case SKIPPED -> "skipped: not part of this re-run";
        };
    }

    private static List<PlanNode> steps(List<PlannedStep> steps) {
        return steps.stream().map(PlanTree::step).toList();
    }

    private static PlanNode step(PlannedStep step) {
        StepAction action = step.action();
        String detail = PlanPrinter.verb(action) + " " + PlanPrinter.summary(action) + DOT
                + PlanPrinter.retryWords(step.retry())
                + (step.dependsOn().isEmpty() ? "" : DOT + "after " + step.dependsOn().stream()
                        .map(PlanPrinter::dependencyWords).collect(Collectors.joining(", ")));
        List<PlanNode> children = new ArrayList<>();
        if (action instanceof StepAction.Condition condition) {
            children.add(branch("if true", condition.ifTrue()));
            children.add(branch("if false", condition.ifFalse()));
        } else if (action instanceof StepAction.FanOut fanOut) {
            children.add(branch("each item", fanOut.steps()));
        } else if (action instanceof StepAction.SemanticRefresh refresh) {
            children.add(new PlanNode(PlanNode.Kind.CAP, "Concurrency cap", PlanPrinter.atOnce(refresh.cap())
                    + DOT + "per model " + PlanPrinter.retryWords(refresh.perModel()), Optional.empty(), List.of()));
            refresh.models().forEach(m -> children.add(model(m)));
        }
        return new PlanNode(PlanNode.Kind.STEP, step.name() + "  [" + step.type() + "]", detail, Optional.empty(),
                children);
    }

    private static PlanNode branch(String title, List<PlannedStep> steps) {
        return new PlanNode(PlanNode.Kind.BRANCH, title, steps.isEmpty() ? "nothing to run"
                : count(steps.size(), "step"), Optional.empty(), steps(steps));
    }

    private static PlanNode model(ModelTarget model) {
        String tables = model.tables().isEmpty() ? "" : DOT + "tables " + String.join(", ", model.tables());
        return new PlanNode(PlanNode.Kind.MODEL, model.name(), "target " + PlanPrinter.describe(model.target())
                + DOT + "dataset " + model.datasetId() + tables, Optional.empty(), List.of());
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
