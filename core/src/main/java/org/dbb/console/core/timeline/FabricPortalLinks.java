package org.dbb.console.core.timeline;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Addresses in the Fabric portal an operator opens from a timeline: an item's page, a workspace, and a pipeline
 * run in the monitoring hub. Stateless; thread-safe.
 */
public final class FabricPortalLinks {

    private static final String PORTAL = "https://app.fabric.microsoft.com";
    private static final String EXPERIENCE = "?experience=fabric-developer";

    /** The portal's path segment for each Fabric item type whose page address is known. */
    private static final Map<String, String> SEGMENTS = Map.ofEntries(
            Map.entry("datapipeline", "pipelines"),
            Map.entry("notebook", "synapsenotebooks"),
            Map.entry("semanticmodel", "datasets"),
            Map.entry("report", "reports"),
            Map.entry("dashboard", "dashboards"),
            Map.entry("lakehouse", "lakehouses"),
            Map.entry("warehouse", "datawarehouses"),
            Map.entry("sparkjobdefinition", "sparkjobdefinitions"),
            Map.entry("mlmodel", "mlmodels"),
            Map.entry("mlexperiment", "mlexperiments"));

    /** The Fabric item type an activity type runs, for the activity types that run one item. */
    private static final Map<String, String> ITEM_TYPE_OF_ACTIVITY = Map.ofEntries(
            Map.entry(StepTypes.INVOKE_PIPELINE.toLowerCase(Locale.ROOT), "DataPipeline"),
            Map.entry(StepTypes.EXECUTE_PIPELINE.toLowerCase(Locale.ROOT), "DataPipeline"),
            Map.entry(StepTypes.TRIDENT_NOTEBOOK.toLowerCase(Locale.ROOT), "Notebook"),
            Map.entry(StepTypes.SEMANTIC_MODEL_REFRESH.toLowerCase(Locale.ROOT), "SemanticModel"),
            Map.entry(StepTypes.PBI_SEMANTIC_MODEL_REFRESH.toLowerCase(Locale.ROOT), "SemanticModel"));

    private FabricPortalLinks() {
    }

    /**
     * The portal page of an item, e.g. {@code https://app.fabric.microsoft.com/groups/{ws}/pipelines/{id}
     * ?experience=fabric-developer}; empty for item types whose page address is not known (link the
     * {@link #workspace workspace} instead).
     *
     * @param itemType the Fabric item type as the REST API and {@code .platform} files spell it ({@code DataPipeline},
     *                 {@code Notebook}, {@code SemanticModel}, {@code Lakehouse}, …), in any case
     */
    public static Optional<URI> item(String workspaceId, String itemType, String itemId) {
        Objects.requireNonNull(itemType, "itemType");
        String segment = SEGMENTS.get(itemType.toLowerCase(Locale.ROOT));
        if (segment == null) {
            return Optional.empty();
        }
        return Optional.of(URI.create(PORTAL + "/groups/" + segment(workspaceId, "workspaceId") + "/" + segment
                + "/" + segment(itemId, "itemId") + EXPERIENCE));
    }

    /** The workspace's page in the portal. */
    public static URI workspace(String workspaceId) {
        return URI.create(PORTAL + "/groups/" + segment(workspaceId, "workspaceId") + EXPERIENCE);
    }

    /**
     * A pipeline run in the monitoring hub, where Fabric shows its activity runs, inputs, outputs and errors.
     *
     * @param pipelineId the pipeline item id
     * @param runId      the run's job instance id
     */
    public static URI pipelineRun(String workspaceId, String pipelineId, String runId) {
        return URI.create(PORTAL + "/workloads/data-pipeline/monitoring/workspaces/"
                + segment(workspaceId, "workspaceId") + "/pipelines/" + segment(pipelineId, "pipelineId") + "/"
                + segment(runId, "runId"));
    }

    /** The Fabric item type behind an activity type ({@code InvokePipeline} → {@code DataPipeline}, …). */
    public static Optional<String> itemTypeOf(String activityType) {
        Objects.requireNonNull(activityType, "activityType");
        return Optional.ofNullable(ITEM_TYPE_OF_ACTIVITY.get(activityType.toLowerCase(Locale.ROOT)));
    }

    /**
     * The portal page of the item a timeline row runs: empty when the row names no item or its type runs none
     * whose page address is known.
     */
    public static Optional<URI> step(String workspaceId, StepRow row) {
        Objects.requireNonNull(row, "row");
        return row.itemId().flatMap(id -> itemTypeOf(row.type()).flatMap(type -> item(workspaceId, type, id)));
    }

    private static String segment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
