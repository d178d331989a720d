package org.dbb.console.core.expr;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A run's state held in maps, with a fixed clock, built fluently by tests. Not thread-safe. */
final class TestContext implements EvaluationContext {

    static final Instant NOW = Instant.parse("2024-05-02T06:30:15.1234567Z");
    static final Instant TRIGGERED = Instant.parse("2024-05-02T06:00:00Z");
    static final String RUN_ID = "3f2c9a4e-0000-4000-8000-000000000001";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> parameters = new HashMap<>();
    private final Map<String, JsonNode> variables = new HashMap<>();
    private final Map<String, JsonNode> outputs = new HashMap<>();
    private JsonNode item;

    /** Parses JSON written in tests, e.g. {@code json("{\"a\":1}")}. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    TestContext parameter(String name, String jsonValue) {
        parameters.put(name, json(jsonValue));
        return this;
    }

    TestContext variable(String name, String jsonValue) {
        variables.put(name, json(jsonValue));
        return this;
    }

    TestContext output(String activity, String jsonValue) {
        outputs.put(activity, json(jsonValue));
        return this;
    }

    TestContext item(String jsonValue) {
        item = json(jsonValue);
        return this;
    }

    @Override
    public Optional<JsonNode> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    @Override
    public Optional<JsonNode> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public Optional<JsonNode> activityOutput(String activityName) {
        return Optional.ofNullable(outputs.get(activityName));
    }

    @Override
    public Optional<JsonNode> item() {
        return Optional.ofNullable(item);
    }

    @Override
    public String runId() {
        return RUN_ID;
    }

    @Override
    public Instant triggerTime() {
        return TRIGGERED;
    }

    @Override
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
