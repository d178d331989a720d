package org.dbb.console.core.workspace.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code Copy} activity: moves data from a source to a sink; both are kept as JSON because their shape depends on
 * the connector. Immutable; accessors return copies.
 *
 * @param source {@code typeProperties.source}, or an empty object
 * @param sink   {@code typeProperties.sink}, or an empty object
 */
public record CopyDetails(JsonNode source, JsonNode sink) implements ActivityDetails {

    public CopyDetails {
        source = source.deepCopy();
        sink = sink.deepCopy();
    }

    @Override
    public JsonNode source() {
        return source.deepCopy();
    }

    @Override
    public JsonNode sink() {
        return sink.deepCopy();
    }
}
