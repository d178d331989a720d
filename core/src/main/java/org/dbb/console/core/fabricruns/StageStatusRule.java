package org.dbb.console.core.fabricruns;

import java.util.List;

import org.dbb.console.core.fabric.jobs.ActivityRunStatus;

/** Derives a stage's status from its activities' latest attempts. Stateless. */
final class StageStatusRule {

    private StageStatusRule() {
    }

    /**
     * @param ran         the stage's activities that ran
     * @param notRunCount how many of its activities have no run
     * @param runEnded    whether the pipeline run has ended, so activities without a run never will have one
     */
    static FabricStageStatus of(List<FabricActivityDetail> ran, int notRunCount, boolean runEnded) {
        if (ran.isEmpty()) {
            return runEnded ? FabricStageStatus.SKIPPED : FabricStageStatus.NOT_STARTED;
        }
        if (ran.stream().anyMatch(a -> a.status() == ActivityRunStatus.FAILED)) {
            return FabricStageStatus.FAILED;
        }
        if (ran.stream().anyMatch(FabricActivityDetail::isRunning)) {
            return FabricStageStatus.IN_PROGRESS;
        }
        if (ran.stream().anyMatch(a -> a.status() == ActivityRunStatus.CANCELLED)) {
            return FabricStageStatus.CANCELLED;
        }
        return notRunCount > 0 && !runEnded ? FabricStageStatus.IN_PROGRESS : FabricStageStatus.SUCCEEDED;
    }
}
