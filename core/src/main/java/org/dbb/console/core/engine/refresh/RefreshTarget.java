package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.dbb.console.core.plan.ModelTarget;

/**
 * One semantic model to refresh: its name for people, its Power BI address, how long its refresh should take and,
 * optionally, the tables to refresh. Immutable.
 *
 * @param model     the model's display name, unique within a run
 * @param groupId   the workspace (Power BI group) id
 * @param datasetId the semantic model (dataset) id
 * @param target    how long the model's refresh should take at most; longer is an overrun (reported, never
 *                  cancelled). Already scaled for the sandbox by the caller
 * @param tables    the tables to refresh; empty refreshes the whole model
 */
public record RefreshTarget(String model, String groupId, String datasetId, Duration target, List<String> tables) {

    public RefreshTarget {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(target, "target");
        tables = List.copyOf(tables);
        if (model.isBlank()) {
            throw new IllegalArgumentException("a refresh target needs a model name");
        }
        if (groupId.isBlank() || datasetId.isBlank()) {
            throw new IllegalArgumentException("model '" + model + "' needs a group id and a dataset id");
        }
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("model '" + model + "' needs a positive target duration, was "
                    + target);
        }
        if (tables.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("model '" + model + "' names a blank table");
        }
    }

    /** The model as the run plan names it. */
    public static RefreshTarget from(ModelTarget planned) {
        return new RefreshTarget(planned.name(), planned.groupId(), planned.datasetId(), planned.target(),
                planned.tables());
    }

    /** The whole model. */
    public static RefreshTarget of(String model, String groupId, String datasetId, Duration target) {
        return new RefreshTarget(model, groupId, datasetId, target, List.of());
    }
}
