package org.dbb.console.core.workspace.stages;

import java.util.List;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.pipeline.Pipeline;

/**
 * The master pipeline of a workspace and its stages, or the problems that kept them from being read. Immutable.
 *
 * @param master the master pipeline, when it exists and parses
 * @param layout its stages and any problems (empty stages when the master is missing)
 */
public record MasterStages(Optional<Pipeline> master, StageLayout layout) {

    static MasterStages failed(List<Problem> problems) {
        return new MasterStages(Optional.empty(), new StageLayout(List.of(), problems));
    }
}
