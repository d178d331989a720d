package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;

/**
 * What a re-run will do with each stage of its plan, worked out by the same rules the engine follows when it runs
 * it, so a preview shows what will happen: earlier stages reused from the original run, the chosen stage run again
 * (or only its failed items), later stages run or skipped. Immutable.
 *
 * @param originalRunId the run being re-run
 * @param stages        every stage of the plan, in run order
 */
public record RerunOutline(String originalRunId, List<StageFate> stages) {

    /** What happens to one stage in a re-run. */
    public enum Fate {
        /** Taken from the original run: its steps' results, outputs and variables, nothing sent to Fabric. */
        REUSED,
        /** Runs again, all of it. */
        RUNS,
        /** Runs again, but only what did not succeed in the original; the rest is reused. */
        RUNS_FAILED_ONLY,
        /** Not part of the re-run. */
        SKIPPED
    }

    /**
     * One stage and its fate. Immutable.
     *
     * @param stage the stage name
     * @param fate  what the re-run does with it
     */
    public record StageFate(String stage, Fate fate) {
        public StageFate {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(fate, "fate");
        }
    }

    public RerunOutline {
        Objects.requireNonNull(originalRunId, "originalRunId");
        stages = List.copyOf(stages);
    }

    /**
     * The outline of {@code request} over {@code plan}.
     *
     * @param original the run {@code request} names, as the journal holds it
     * @throws IllegalArgumentException when the re-run's stage is not in the plan, or an only-failed re-run names
     *                                  a run none of whose stages failed (the message says which)
     */
    public static RerunOutline of(RerunRequest request, RunPlan plan, RunRecord original) {
        if (!request.originalRunId().equals(original.runId())) {
            throw new IllegalArgumentException("the re-run names run " + request.originalRunId() + ", not "
                    + original.runId());
        }
        RerunScope scope = RerunScope.of(request, plan, original);
        List<StageFate> fates = new ArrayList<>();
        List<PlannedStage> stages = plan.stages();
        for (int i = 0; i < stages.size(); i++) {
            Fate fate = switch (scope.mode(i)) {
                case REUSE -> Fate.REUSED;
                case RUN -> Fate.RUNS;
                case RUN_FAILED_ONLY -> Fate.RUNS_FAILED_ONLY;
                case SKIP -> Fate.SKIPPED;
            };
            fates.add(new StageFate(stages.get(i).name(), fate));
        }
        return new RerunOutline(original.runId(), fates);
    }

    /** The fate of the stage with this name. */
    public Optional<Fate> fate(String stage) {
        return stages.stream().filter(s -> s.stage().equals(stage)).map(StageFate::fate).findFirst();
    }

    /**
     * The steps below the top level of {@code original}'s failed stage that failed (semantic models, fan-out items,
     * each named once even when steps inside it failed too), which an only-failed re-run runs again while reusing
     * what succeeded. Empty when no stage failed or only whole top-level steps did.
     */
    public static List<StepKey> failedItems(RunRecord original) {
        Optional<String> stage = original.failedStage();
        if (stage.isEmpty()) {
            return List.of();
        }
        List<StepKey> failed = original.steps().values().stream()
                .filter(s -> s.key().stage().equals(stage.get()) && !s.key().isTopLevel())
                .filter(s -> s.state().equals(Optional.of(StepState.FAILED)))
                .map(RunRecord.StepRecord::key).toList();
        // an item that failed because a step inside it failed is named once, as the item
        return failed.stream()
                .filter(k -> failed.stream().noneMatch(other -> k.path().startsWith(other.path() + "/")))
                .toList();
    }
}
