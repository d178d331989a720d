package org.dbb.console.core.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.EvaluationContext;

/**
 * What is known before a run starts: the launch parameters and nothing else. Values the plan must fix in advance
 * (the models to refresh, a Wait's length, a child pipeline's id) are evaluated against it. Immutable.
 */
final class PlanTimeContext implements EvaluationContext {

    private static final Clock PLANNING = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private final Map<String, JsonNode> parameters;

    PlanTimeContext(Map<String, JsonNode> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public Optional<JsonNode> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).map(JsonNode::deepCopy);
    }

    @Override
    public Optional<JsonNode> variable(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<JsonNode> activityOutput(String activityName) {
        return Optional.empty();
    }

    @Override
    public Optional<JsonNode> item() {
        return Optional.empty();
    }

    @Override
    public String runId() {
        return "";
    }

    @Override
    public Instant triggerTime() {
        return PLANNING.instant();
    }

    @Override
    public Clock clock() {
        return PLANNING;
    }
}
