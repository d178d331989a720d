package org.dbb.console.core.workspace.pipeline;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pipeline variable declared under {@code properties.variables}. Immutable; the default is handed out as a copy.
 *
 * @param name         the variable name
 * @param type         as written: {@code String}, {@code Boolean}, {@code Integer}, {@code Array}
 * @param defaultValue the initial value as JSON, if declared
 */
public record PipelineVariable(String name, String type, Optional<JsonNode> defaultValue) {

    public PipelineVariable {
        defaultValue = defaultValue.map(JsonNode::deepCopy);
    }

    @Override
    public Optional<JsonNode> defaultValue() {
        return defaultValue.map(JsonNode::deepCopy);
    }
}
