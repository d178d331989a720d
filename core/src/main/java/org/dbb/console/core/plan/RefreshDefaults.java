package org.dbb.console.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an environment's semantic refresh does when a launch names neither models nor a cap: the models its refresh
 * parameter lists (with their targets) and the cap the planner picks, with where the cap came from. Worked out by
 * {@link PlanBuilder#refreshDefaults}, with the same rules as a run's plan. Immutable.
 *
 * @param stage     the stage holding the refresh step
 * @param stepPath  the refresh step's path in that stage, e.g. {@code Refresh semantic models}; each model's step is
 *                  this path followed by {@code /} and the model name
 * @param models    the models a plain launch refreshes, in list order
 * @param cap       the cap a plain launch uses
 * @param capSource where that cap came from
 * @param capacityId the Fabric capacity the environment's workspace runs on, when Fabric said
 */
public record RefreshDefaults(String stage, String stepPath, List<ModelTarget> models, int cap, CapSource capSource,
                              Optional<String> capacityId) {

    public RefreshDefaults {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stepPath, "stepPath");
        models = List.copyOf(models);
        Objects.requireNonNull(capSource, "capSource");
        Objects.requireNonNull(capacityId, "capacityId");
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1");
        }
    }

    /** The model with this name, if the environment refreshes it. */
    public Optional<ModelTarget> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
