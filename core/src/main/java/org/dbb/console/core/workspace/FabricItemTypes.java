package org.dbb.console.core.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The item types fabric-cicd 1.3.0 publishes, in its serial publish order, with lookups that tolerate case.
 * Stateless and thread-safe.
 */
public final class FabricItemTypes {

    /** Every supported type, in publish order (unpublish runs in reverse). */
    public static final List<String> SUPPORTED = List.of(
            "VariableLibrary", "Warehouse", "MirroredDatabase", "Lakehouse", "SQLDatabase", "Environment",
            "UserDataFunction", "Eventhouse", "SparkJobDefinition", "Notebook", "SemanticModel", "Report",
            "PaginatedReport", "CopyJob", "DataBuildToolJob", "KQLDatabase", "KQLQueryset", "Dataflow",
            "DataPipeline", "Reflex", "Eventstream", "KQLDashboard", "GraphQLApi", "ApacheAirflowJob",
            "MountedDataFactory", "Ontology", "DataAgent", "MLExperiment", "Map");

    /** Types that Fabric creates as a shell without a definition, so no file of theirs is ever parameterised. */
    public static final List<String> SHELL_ONLY = List.of("Lakehouse", "Warehouse", "SQLDatabase", "MLExperiment");

    private FabricItemTypes() {
    }

    /** Whether {@code type} is one of the supported names, compared exactly as fabric-cicd does. */
    public static boolean isSupported(String type) {
        return SUPPORTED.contains(type);
    }

    /** The supported spelling of a type written with other case, for "did you mean" hints. */
    public static Optional<String> closestSpelling(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}
