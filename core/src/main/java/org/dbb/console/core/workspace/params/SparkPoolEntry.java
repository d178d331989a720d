package org.dbb.console.core.workspace.params;

import java.util.List;

/**
 * One {@code spark_pool} entry: an {@code instance_pool_id} in Environment items resolved per environment to a
 * named pool. Immutable.
 *
 * @param number         1-based position in the {@code spark_pool} list
 * @param position       where the entry starts
 * @param instancePoolId the id matched by equality in {@code Setting/Sparkcompute.yml}
 * @param replaceValue   environment to pool
 * @param itemNames      Environment display names the entry is limited to (empty: all)
 */
public record SparkPoolEntry(int number, SourcePosition position, String instancePoolId,
                             EnvironmentValues<SparkPoolTarget> replaceValue, List<String> itemNames) {

    public SparkPoolEntry {
        itemNames = List.copyOf(itemNames);
    }
}
