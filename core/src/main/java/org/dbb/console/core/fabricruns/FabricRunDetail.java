package org.dbb.console.core.fabricruns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fabric run of the master pipeline stage by stage, as it stood when read. Immutable; thread-safe.
 *
 * @param run                      the job instance
 * @param stages                   the stages of the layout, in run order
 * @param otherActivities          activity runs no stage holds: activities inside loops and conditions, and
 *                                 top-level activities the layout leaves out
 * @param childMatchedByTimeWindow whether any child run was matched by time window because Fabric gave no child run
 *                                 id, so the UI can say so
 */
public record FabricRunDetail(FabricRunSummary run, List<FabricStageDetail> stages,
        List<FabricActivityDetail> otherActivities, boolean childMatchedByTimeWindow) {

    public FabricRunDetail {
        Objects.requireNonNull(run, "run");
        stages = List.copyOf(stages);
        otherActivities = List.copyOf(otherActivities);
    }

    /** Whether the run has ended; until it has, read it again after {@code FabricRunHistory.nextPoll()}. */
    public boolean isTerminal() {
        return run.isTerminal();
    }

    public Optional<FabricStageDetail> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
