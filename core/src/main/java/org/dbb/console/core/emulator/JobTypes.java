package org.dbb.console.core.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The job types each item type accepts on the generic job endpoint, in their canonical spelling. Fabric compares
 * them without case here. Immutable.
 */
final class JobTypes {

    private static final Map<String, List<String>> BY_ITEM_TYPE = Map.of(
            "DataPipeline", List.of("Pipeline", "Execute"),
            "Notebook", List.of("RunNotebook"),
            "SparkJobDefinition", List.of("sparkjob"),
            "Lakehouse", List.of("TableMaintenance", "RefreshMaterializedLakeViews"),
            "Dataflow", List.of("Execute", "ApplyChanges", "Refresh"),
            "DataBuildToolJob", List.of("Execute"),
            "GraphModel", List.of("RefreshGraph"),
            "CopyJob", List.of("CopyJob"));

    private JobTypes() {
    }

    /** The canonical spelling of {@code requested} for this item type, if the item type runs such jobs. */
    static Optional<String> canonical(String itemType, String requested) {
        return BY_ITEM_TYPE.getOrDefault(itemType, List.of()).stream()
                .filter(t -> t.toLowerCase(Locale.ROOT).equals(requested.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    static List<String> accepted(String itemType) {
        return BY_ITEM_TYPE.getOrDefault(itemType, List.of());
    }
}
