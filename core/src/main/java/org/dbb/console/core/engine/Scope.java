package org.dbb.console.core.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.EvaluationContext;

/**
 * The names an expression can see at one place in a run: the run's parameters and variables, the outputs of the
 * activities in this scope and the scopes around it, and the current fan-out item. A fan-out item opens a scope of
 * its own, so its inner activities' outputs do not leak into other items. Used only on the run's serial executor.
 */
final class Scope implements EvaluationContext {

    private final RunExecution run;
    private final Scope parent;
    private final JsonNode item;
    private final Map<String, JsonNode> outputs = new HashMap<>();

    private Scope(RunExecution run, Scope parent, JsonNode item) {
        this.run = run;
        this.parent = parent;
        this.item = item;
    }

    static Scope root(RunExecution run) {
        return new Scope(run, null, null);
    }

    Scope forItem(JsonNode value) {
        return new Scope(run, this, value);
    }

    void putOutput(String activity, JsonNode output) {
        outputs.put(activity, output);
    }

    @Override
    public Optional<JsonNode> parameter(String name) {
        Map<String, JsonNode> parameters = run.plan().parameters();
        JsonNode exact = parameters.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        // Fabric matches parameter names without regard to case
        return parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public Optional<JsonNode> variable(String name) {
        return Optional.ofNullable(run.variables().get(name));
    }

    @Override
    public Optional<JsonNode> activityOutput(String activityName) {
        for (Scope s = this; s != null; s = s.parent) {
            JsonNode output = s.outputs.get(activityName);
            if (output != null) {
                return Optional.of(output);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<JsonNode> item() {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.item != null) {
                return Optional.of(s.item);
            }
        }
        return Optional.empty();
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public Instant triggerTime() {
        return run.startedAt();
    }

    @Override
    public Clock clock() {
        return run.clock();
    }
}
