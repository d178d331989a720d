package org.dbb.console.core.workspace.stages;

import java.util.List;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;

/**
 * The master pipeline cut into stages, plus the problems that make the cut doubtful (unknown activity names,
 * activities in no stage, stages out of dependency order). Immutable.
 *
 * @param stages   stages in run order
 * @param problems problems found; the layout is still usable when they are warnings only
 */
public record StageLayout(List<Stage> stages, List<Problem> problems) {

    public StageLayout {
        stages = List.copyOf(stages);
        problems = List.copyOf(problems);
    }

    /** The stage holding a top-level activity. */
    public Optional<Stage> stageOf(String activityName) {
        return stages.stream().filter(s -> s.activities().stream().anyMatch(a -> a.name().equals(activityName)))
                .findFirst();
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
