package org.dbb.console.core.workspace.pipeline;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pipeline parameter declared under {@code properties.parameters}. Immutable; the default is handed out as a copy.
 *
 * @param name         the parameter name
 * @param type         as written: {@code string}, {@code int}, {@code float}, {@code bool}, {@code array},
 *                     {@code object}, {@code securestring} (any case)
 * @param defaultValue the default as JSON, if declared
 */
public record PipelineParameter(String name, String type, Optional<JsonNode> defaultValue) {

    public PipelineParameter {
        defaultValue = defaultValue.map(JsonNode::deepCopy);
    }

    @Override
    public Optional<JsonNode> defaultValue() {
        return defaultValue.map(JsonNode::deepCopy);
    }
}
