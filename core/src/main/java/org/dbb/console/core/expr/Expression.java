package org.dbb.console.core.expr;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed pipeline value: an {@code @…} expression, an {@code @{…}} interpolated string or a plain literal. Values
 * are Jackson nodes, the same shapes pipeline JSON and Fabric outputs use. Immutable and thread-safe.
 */
public interface Expression {

    /** The text exactly as written in the pipeline JSON. */
    String text();

    /**
     * Evaluates against a run's state.
     *
     * @throws ExpressionEvaluationException when a reference is missing, a function gets the wrong argument types,
     *                                       or a value cannot be converted; the message names the expression
     */
    JsonNode evaluate(EvaluationContext context);

    /** Everything the expression reads: parameters, variables, activity outputs, {@code item()}. */
    Set<ExpressionReference> references();
}
