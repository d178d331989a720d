package org.dbb.console.core.plan;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an operator typed for a pipeline parameter, read as its declared type: the value, or the message the plan
 * would give for it. Immutable.
 *
 * @param value   the value as the declared type, when it is one
 * @param problem why it is not, in the plan's words, otherwise
 */
public record ParameterInput(Optional<JsonNode> value, Optional<String> problem) {

    public ParameterInput {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
        if (value.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("an input is either a value or a problem");
        }
    }

    static ParameterInput valid(JsonNode value) {
        return new ParameterInput(Optional.of(value), Optional.empty());
    }

    static ParameterInput invalid(String problem) {
        return new ParameterInput(Optional.empty(), Optional.of(problem));
    }

    public boolean isValid() {
        return value.isPresent();
    }
}
