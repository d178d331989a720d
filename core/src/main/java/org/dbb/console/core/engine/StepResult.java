package org.dbb.console.core.engine;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** How a step ended, as its runner reports it to the graph. Immutable. */
record StepResult(StepState state, Optional<JsonNode> output, Map<String, JsonNode> variablesSet,
                  Optional<String> message, Optional<String> reusedFrom) {

    StepResult {
        variablesSet = Map.copyOf(variablesSet);
    }

    static StepResult succeeded(Optional<JsonNode> output) {
        return new StepResult(StepState.SUCCEEDED, output, Map.of(), Optional.empty(), Optional.empty());
    }

    static StepResult failed(String message) {
        return new StepResult(StepState.FAILED, Optional.empty(), Map.of(), Optional.of(message), Optional.empty());
    }

    static StepResult cancelled() {
        return new StepResult(StepState.CANCELLED, Optional.empty(), Map.of(), Optional.of("run cancelled"),
                Optional.empty());
    }

    static StepResult of(AttemptResult attempt, int attempts) {
        return switch (attempt.status()) {
            case SUCCEEDED -> succeeded(attempt.output());
            case CANCELLED -> cancelled();
            case FAILED, TIMED_OUT -> new StepResult(StepState.FAILED, attempt.output(), Map.of(),
                    Optional.of("failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": "
                            + attempt.describe()), Optional.empty());
        };
    }
}
