package org.dbb.console.core.engine;

import java.util.List;
import java.util.Optional;

import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;

/**
 * What a re-run does with each stage of the plan, worked out from the original run's record: stages before the
 * re-run's first stage are reused, the re-run stage runs (all of it, or for {@link RerunMode#ONLY_FAILED} only what
 * did not succeed), later stages run for {@link RerunMode#FROM_STAGE} and are skipped otherwise. Immutable.
 */
final class RerunScope {

    /** What happens to one stage. */
    enum StageMode { REUSE, RUN, RUN_FAILED_ONLY, SKIP }

    private final RunRecord original;
    private final RerunMode mode;
    private final int target;

    private RerunScope(RunRecord original, RerunMode mode, int target) {
        this.original = original;
        this.mode = mode;
        this.target = target;
    }

    /**
     * The scope of {@code request} over {@code plan}.
     *
     * @throws IllegalArgumentException when the original run is not in the journal, the stage is not in the plan,
     *                                  or an only-failed re-run names a run without a failed stage
     */
    static RerunScope of(RerunRequest request, RunPlan plan, RunJournal journal) {
        if (request.originalOrigin() == RunOrigin.FABRIC) {
            throw new IllegalArgumentException("cannot re-run Fabric run " + request.originalRunId() + " from the"
                    + " journal: the journal holds console runs only; read the Fabric run first"
                    + " (RunLauncher.prepareFabricRerun does)");
        }
        RunRecord original = journal.find(request.originalRunId()).orElseThrow(() -> new IllegalArgumentException(
                "cannot re-run " + request.originalRunId() + ": the journal has no run with that id"));
        return of(request, plan, original);
    }

    /**
     * The scope of {@code request} over {@code plan} with the original's record in hand (for a Fabric run, the
     * record made from what Fabric reports of it).
     *
     * @throws IllegalArgumentException when {@code original} is not the run the request names, the stage is not in
     *                                  the plan, or an only-failed re-run names a run without a failed stage
     */
    static RerunScope of(RerunRequest request, RunPlan plan, RunRecord original) {
        if (!original.runId().equals(request.originalRunId())) {
            throw new IllegalArgumentException("the re-run names run " + request.originalRunId() + " but the record"
                    + " given is of run " + original.runId());
        }
        String stage = request.mode() == RerunMode.ONLY_FAILED
                ? original.failedStage().orElseThrow(() -> new IllegalArgumentException("cannot re-run only the"
                        + " failed items of " + original.runId() + ": none of its stages failed (it ended "
                        + original.state() + ")"))
                : request.stage().orElseThrow();
        List<PlannedStage> stages = plan.stages();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equalsIgnoreCase(stage)) {
                return new RerunScope(original, request.mode(), i);
            }
        }
        throw new IllegalArgumentException("cannot re-run stage '" + stage + "' of " + original.runId()
                + ": the plan has no such stage (it has " + stages.stream().map(PlannedStage::name).toList() + ")");
    }

    String originalRunId() {
        return original.runId();
    }

    StageMode mode(int stageIndex) {
        if (stageIndex < target) {
            return StageMode.REUSE;
        }
        if (stageIndex == target) {
            return mode == RerunMode.ONLY_FAILED ? StageMode.RUN_FAILED_ONLY : StageMode.RUN;
        }
        return mode == RerunMode.FROM_STAGE ? StageMode.RUN : StageMode.SKIP;
    }

    Optional<RunRecord.StepRecord> original(StepKey key) {
        return original.step(key);
    }

    /** Reuses every step, at any depth, that the original finished SUCCEEDED. */
    ReusePolicy succeededSteps() {
        return key -> original.step(key).filter(s -> s.state().equals(Optional.of(StepState.SUCCEEDED)));
    }
}
