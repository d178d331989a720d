package org.dbb.console.core.plan;

import java.util.List;
import java.util.Objects;

import org.dbb.console.core.workspace.pipeline.Dependency;

/**
 * One activity of the master pipeline (or of a branch or loop inside it) as the engine will run it. Immutable.
 *
 * @param name      the activity name, unique among its siblings
 * @param type      the activity type as written, e.g. {@code InvokePipeline}
 * @param dependsOn its sibling dependencies and the outcomes each waits for
 * @param retry     its retry policy (local steps get zero retries)
 * @param jsonPath  where the activity sits in the master pipeline's JSON, for messages
 * @param action    what running it means
 */
public record PlannedStep(String name, String type, List<Dependency> dependsOn, RetrySpec retry, String jsonPath,
                          StepAction action) {

    public PlannedStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(action, "action");
    }
}
