package org.dbb.console.core.fabricruns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline run an Execute/Invoke Pipeline activity started, with its own activity runs one level down (their
 * own child runs are not followed). Immutable; thread-safe.
 *
 * @param pipelineRunId       the child's run (job instance) id
 * @param pipelineId          the child pipeline's item id, when known
 * @param pipelineName        the child pipeline's name, when Fabric reported it
 * @param matchedByTimeWindow whether Fabric gave no child run id and the run was picked as the child pipeline's
 *                            job instance that started while the activity ran: very likely right, not certain
 * @param activities          the child run's activities in the order they started
 */
public record FabricChildRun(String pipelineRunId, Optional<String> pipelineId, Optional<String> pipelineName,
        boolean matchedByTimeWindow, List<FabricActivityDetail> activities) {

    public FabricChildRun {
        Objects.requireNonNull(pipelineRunId, "pipelineRunId");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(pipelineName, "pipelineName");
        activities = List.copyOf(activities);
    }
}
