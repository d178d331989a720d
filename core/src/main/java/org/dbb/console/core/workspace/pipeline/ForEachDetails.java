package org.dbb.console.core.workspace.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A {@code ForEach} activity: runs its inner activities once per item, one at a time or up to a concurrency cap.
 * Immutable.
 *
 * @param items        the items expression
 * @param isSequential whether items run one at a time (absent means false)
 * @param batchCount   the concurrency cap when not sequential, if written
 * @param activities   the inner activities
 */
public record ForEachDetails(DynamicValue items, boolean isSequential, Optional<Integer> batchCount,
                             List<Activity> activities) implements ActivityDetails {

    /** Fabric's cap when {@code batchCount} is absent and the loop is not sequential. */
    public static final int FABRIC_DEFAULT_BATCH_COUNT = 20;

    public ForEachDetails {
        activities = List.copyOf(activities);
    }

    /** How many items run at once: 1 when sequential, else the batch count or Fabric's default. */
    public int concurrencyCap() {
        return isSequential ? 1 : batchCount.orElse(FABRIC_DEFAULT_BATCH_COUNT);
    }

    @Override
    public List<Activity> childActivities() {
        return activities;
    }
}
