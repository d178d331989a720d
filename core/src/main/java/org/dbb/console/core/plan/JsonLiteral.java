package org.dbb.console.core.plan;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.EvaluationContext;
import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionReference;

/**
 * A value written as plain JSON rather than as an expression object: Fabric passes it on unevaluated, whatever
 * characters it holds. Immutable and thread-safe.
 */
final class JsonLiteral implements Expression {

    private final JsonNode value;

    JsonLiteral(JsonNode value) {
        this.value = value.deepCopy();
    }

    @Override
    public String text() {
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public JsonNode evaluate(EvaluationContext context) {
        return value.deepCopy();
    }

    @Override
    public Set<ExpressionReference> references() {
        return Set.of();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
