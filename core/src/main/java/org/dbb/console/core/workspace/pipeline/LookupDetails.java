package org.dbb.console.core.workspace.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code Lookup} activity: reads rows from a source for later activities. Source and dataset are kept as JSON
 * because their shape depends on the connector. Immutable; accessors return copies.
 *
 * @param source          {@code typeProperties.source}, or an empty object
 * @param datasetSettings {@code typeProperties.datasetSettings}, or an empty object
 * @param firstRowOnly    whether only the first row is returned (absent means true)
 */
public record LookupDetails(JsonNode source, JsonNode datasetSettings, boolean firstRowOnly)
        implements ActivityDetails {

    public LookupDetails {
        source = source.deepCopy();
        datasetSettings = datasetSettings.deepCopy();
    }

    @Override
    public JsonNode source() {
        return source.deepCopy();
    }

    @Override
    public JsonNode datasetSettings() {
        return datasetSettings.deepCopy();
    }
}
