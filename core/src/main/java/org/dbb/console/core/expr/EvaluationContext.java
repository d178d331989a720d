package org.dbb.console.core.expr;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run state an expression is evaluated against. Implementations decide their own thread safety; an expression
 * only reads from it during {@link Expression#evaluate}.
 */
public interface EvaluationContext {

    /** A pipeline parameter's value (launch value or declared default), or empty when the pipeline has none. */
    Optional<JsonNode> parameter(String name);

    /** A pipeline variable's current value, or empty when it was never set. */
    Optional<JsonNode> variable(String name);

    /** An activity's output ({@code @activity('x').output}), or empty when that activity has not produced one. */
    Optional<JsonNode> activityOutput(String activityName);

    /** The current ForEach item ({@code @item()}), or empty outside a ForEach. */
    Optional<JsonNode> item();

    /** {@code @pipeline().RunId}. */
    String runId();

    /** {@code @pipeline().TriggerTime}. */
    Instant triggerTime();

    /** The clock {@code utcNow()} reads. */
    Clock clock();
}
