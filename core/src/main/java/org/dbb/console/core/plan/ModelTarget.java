package org.dbb.console.core.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A semantic model the refresh stage refreshes. Immutable.
 *
 * @param name      the model's name
 * @param groupId   the Power BI group (Fabric workspace) id
 * @param datasetId the model's id
 * @param target    how long a refresh should take before it counts as an overrun (scaled to the environment's
 *                  clock)
 * @param tables    the tables to refresh; empty for the whole model
 */
public record ModelTarget(String name, String groupId, String datasetId, Duration target, List<String> tables) {

    public ModelTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(target, "target");
        tables = List.copyOf(tables);
    }
}
