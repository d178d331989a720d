package org.dbb.console.core.fabric.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run on demand: the item type (which picks the {@code jobType} from {@link JobTypes} unless overridden)
 * and the {@code executionData} whose shape depends on the job type. Immutable.
 *
 * @param itemType      the Fabric item type, e.g. {@code DataPipeline}
 * @param jobType       an explicit job type, overriding the configured one
 * @param executionData the {@code executionData} object as plain JSON values; empty sends no body
 */
public record JobRequest(String itemType, Optional<String> jobType, Map<String, Object> executionData) {

    public JobRequest {
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(jobType, "jobType");
        executionData = PlainJson.copyObject(executionData, "executionData");
    }

    /**
     * A pipeline run: {@code {"executionData": {"parameters": {name: value}}}}, values typed as the pipeline declares
     * them (strings, numbers, booleans; arrays and objects as lists and maps, not as JSON text).
     */
    public static JobRequest pipeline(Map<String, ?> parameters) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!parameters.isEmpty()) {
            data.put("parameters", parameters);
        }
        return new JobRequest("DataPipeline", Optional.empty(), data);
    }

    /** A notebook run: {@code {"executionData": {"parameters": {name: {"value", "type"}}}}}. */
    public static JobRequest notebook(Map<String, NotebookParameter> parameters) {
        return new JobRequest("Notebook", Optional.empty(), notebookData(parameters, null));
    }

    /** A notebook run with a session configuration. */
    public static JobRequest notebook(Map<String, NotebookParameter> parameters,
            NotebookConfiguration configuration) {
        return new JobRequest("Notebook", Optional.empty(),
                notebookData(parameters, Objects.requireNonNull(configuration, "configuration")));
    }

    /** Any item type with the given {@code executionData} (e.g. a Spark job definition or table maintenance). */
    public static JobRequest of(String itemType, Map<String, ?> executionData) {
        return new JobRequest(itemType, Optional.empty(), PlainJson.copyObject(executionData, "executionData"));
    }

    /** This request with an explicit job type, e.g. {@code Execute} for a pipeline. */
    public JobRequest withJobType(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("job type must not be blank");
        }
        return new JobRequest(itemType, Optional.of(type), executionData);
    }

    private static Map<String, Object> notebookData(Map<String, NotebookParameter> parameters,
            NotebookConfiguration configuration) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!parameters.isEmpty()) {
            Map<String, Object> typed = new LinkedHashMap<>();
            parameters.forEach((name, p) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", p.value());
                entry.put("type", p.type().wireName());
                typed.put(name, entry);
            });
            data.put("parameters", typed);
        }
        if (configuration != null) {
            data.put("configuration", configuration.toJson());
        }
        return data;
    }
}
