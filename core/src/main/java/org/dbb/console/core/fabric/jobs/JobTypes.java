package org.dbb.console.core.fabric.jobs;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which {@code jobType} to send for each item type when running an item on demand. Defaults follow Microsoft's
 * documentation and fabric-cli ({@code DataPipeline → Pipeline}, {@code Notebook → RunNotebook},
 * {@code SparkJobDefinition → sparkjob}); override per item type where a tenant needs another value. Item types
 * match ignoring case. Immutable.
 *
 * @param byItemType job type per item type
 */
public record JobTypes(Map<String, String> byItemType) {

    public JobTypes {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byItemType.forEach((itemType, jobType) -> {
            if (itemType == null || itemType.isBlank() || jobType == null || jobType.isBlank()) {
                throw new IllegalArgumentException("item type and job type must not be blank");
            }
            copy.put(itemType, jobType);
        });
        byItemType = Collections.unmodifiableMap(copy);
    }

    /** The documented job types. */
    public static JobTypes defaults() {
        return new JobTypes(Map.of(
                "DataPipeline", "Pipeline",
                "Notebook", "RunNotebook",
                "SparkJobDefinition", "sparkjob",
                "Lakehouse", "TableMaintenance",
                "Dataflow", "Execute",
                "DataBuildToolJob", "Execute",
                "GraphModel", "RefreshGraph"));
    }

    /** These job types with {@code itemType} mapped to {@code jobType}. */
    public JobTypes with(String itemType, String jobType) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(byItemType);
        copy.put(itemType, jobType);
        return new JobTypes(copy);
    }

    public Optional<String> jobTypeFor(String itemType) {
        return Optional.ofNullable(byItemType.get(itemType));
    }
}
