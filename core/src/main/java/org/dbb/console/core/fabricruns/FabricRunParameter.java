package org.dbb.console.core.fabricruns;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One pipeline parameter of a Fabric run. Immutable; thread-safe (the value is handed out as a copy).
 *
 * @param name   the parameter name as the pipeline declares it
 * @param type   its declared type ({@code string}, {@code bool}, {@code array}, …)
 * @param value  its value as JSON; empty for a parameter with no declared default that the run did not reveal
 * @param source where the value comes from
 */
public record FabricRunParameter(String name, String type, Optional<JsonNode> value, ParameterSource source) {

    public FabricRunParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        value = Objects.requireNonNull(value, "value").map(JsonNode::deepCopy);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public Optional<JsonNode> value() {
        return value.map(JsonNode::deepCopy);
    }
}
